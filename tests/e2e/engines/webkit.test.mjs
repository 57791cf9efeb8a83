// The main journeys (journeys.mjs) in WebKitGTK, over W3C WebDriver (WebKitWebDriver, MiniBrowser).
import { journeys } from './journeys.mjs';

journeys('webkit');
