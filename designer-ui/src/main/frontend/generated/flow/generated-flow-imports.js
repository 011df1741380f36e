import '@vaadin/polymer-legacy-adapter/style-modules.js';
import '@vaadin/vertical-layout/src/vaadin-vertical-layout.js';
import '@vaadin/login/src/vaadin-login-form.js';
import '@vaadin/common-frontend/ConnectionIndicator.js';
import '@vaadin/vaadin-lumo-styles/color-global.js';
import '@vaadin/vaadin-lumo-styles/typography-global.js';
import '@vaadin/vaadin-lumo-styles/sizing.js';
import '@vaadin/vaadin-lumo-styles/spacing.js';
import '@vaadin/vaadin-lumo-styles/style.js';
import '@vaadin/vaadin-lumo-styles/vaadin-iconset.js';
import 'Frontend/generated/jar-resources/ReactRouterOutletElement.tsx';

const loadOnDemand = (key) => {
  const pending = [];
  if (key === '3c1d5941c39cd0ea502230df91d14852272b94c9b9bbab66fb25dec3da7a9866') {
    pending.push(import('./chunks/chunk-c9e26ae72b16b80c14e65874416154c689bd343b79efcf68a2a7a000add40bc3.js'));
  }
  if (key === '37cff4615386d22b69ebfeb573c5a1e68732435ec5141bd70e8360a4c2b77a67') {
    pending.push(import('./chunks/chunk-aa5474a61351e95b3baf8079fe65e163138f15fc20e743630a2b345cc78ae905.js'));
  }
  if (key === '41cc03f034187e322e4e2ed45fcaa274b6554ceaf9be65af32abc88bb175cf88') {
    pending.push(import('./chunks/chunk-b22fe82f7aa6a42ffcdbe2477565e1daec9d1e98637524f01b64142e3e4d9a89.js'));
  }
  return Promise.all(pending);
}

window.Vaadin = window.Vaadin || {};
window.Vaadin.Flow = window.Vaadin.Flow || {};
window.Vaadin.Flow.loadOnDemand = loadOnDemand;
window.Vaadin.Flow.resetFocus = () => {
 let ae=document.activeElement;
 while(ae&&ae.shadowRoot) ae = ae.shadowRoot.activeElement;
 return !ae || ae.blur() || ae.focus() || true;
}