// Starts the widget without inline script, so a strict Content-Security-Policy
// (script-src 'self' 'wasm-unsafe-eval') needs no exception. Trunk writes the URLs of the
// JS glue and the wasm module into this script tag's data attributes.
// Module scripts have no document.currentScript: find our tag by its data attributes, and
// resolve the file names against this script's own URL, so a host page elsewhere can load it.
const me = document.querySelector('script[data-js][data-wasm]');
const glue = new URL(me.dataset.js, import.meta.url).href;
const wasm = new URL(me.dataset.wasm, import.meta.url).href;

// Trunk emits <link rel="preload"> with the Subresource Integrity hash of the wasm file;
// fetching with the same hash makes the browser verify the module before it runs.
const preload = [...document.querySelectorAll('link[rel="preload"][as="fetch"]')]
  .find((link) => new URL(link.getAttribute('href'), document.baseURI).href === wasm);
const integrity = preload ? preload.getAttribute('integrity') : undefined;

function showFailure(error) {
  console.error('tscheck: the widget could not start', error);
  const mount = document.querySelector('[data-tscheck-mount]');
  if (!mount) return;
  let boot = mount.querySelector('[data-boot-message]');
  if (!boot) {
    // The release build puts the start screen here instead of the loading message (see
    // src/ui/prerender.rs): its buttons cannot work now, so it gives way to the message.
    boot = document.createElement('p');
    boot.className = 'tsc-boot';
    boot.setAttribute('data-boot-message', '');
    mount.replaceChildren(boot);
  }
  boot.setAttribute('role', 'alert');
  boot.setAttribute('data-error', '');
  boot.textContent = '';
  for (const [lang, text] of [
    ['zh-CN', '自测工具未能启动。请刷新页面；如问题持续，请使用最新版浏览器。'],
    ['en', 'The self-check could not start. Please reload the page; if that does not help, use an up-to-date browser.'],
  ]) {
    const span = document.createElement('span');
    span.lang = lang;
    span.textContent = text;
    boot.append(span, ' ');
  }
}

import(glue)
  .then((bindings) => bindings.default({ module_or_path: fetch(wasm, integrity ? { integrity } : {}) }))
  .catch(showFailure);
