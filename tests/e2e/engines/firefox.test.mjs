// The main journeys (journeys.mjs) in Firefox ESR, over W3C WebDriver (geckodriver).
import { journeys } from './journeys.mjs';

journeys('firefox');
