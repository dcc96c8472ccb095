import { render } from 'preact';
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Picker } from '@/components/Picker';
import { createClient } from '@/lib/messaging';
import { parsePickerConfig } from '@/lib/picker-steps';
import { PICKER_CSS } from './style';

/** Marks the picker's host element on the page (for tests, and to find one left behind). */
export const PICKER_HOST_ATTRIBUTE = 'data-kefu-picker';

/**
 * The picker, run in a tab by the worker (lib/custom-site-handlers.ts 'picker.start') with
 * scripting.executeScript after it left what to do in `globalThis.__kefuPicker` of this same world. Never
 * in the manifest: the page is only touched when the agent asks for it.
 *
 * A second injection while a panel is open: WXT's context of the first run is invalidated by the second
 * (ContentScriptContext.stopOldScripts), which removes the first panel; one panel, with the latest request.
 *
 * cssInjectionMode 'manual', not 'ui': the styles are passed to createShadowRootUi as text (./style.ts).
 * With 'ui', WXT fetches content-scripts/picker.css and lists it in web_accessible_resources for the
 * script's matches, which are none for a script run at runtime: the fetch would fail on every site.
 */
export default defineContentScript({
  registration: 'runtime',
  matches: [],
  cssInjectionMode: 'manual',
  async main(ctx) {
    const world = globalThis as { __kefuPicker?: unknown };
    const config = parsePickerConfig(world.__kefuPicker);
    delete world.__kefuPicker;
    if (!config) return;
    // A panel left by a copy of this script that lost its extension (reloaded under the page).
    for (const stale of document.querySelectorAll(`[${PICKER_HOST_ATTRIBUTE}]`)) stale.remove();

    const send = createClient((message) => browser.runtime.sendMessage(message));
    const ui = await createShadowRootUi<HTMLElement>(ctx, {
      // A plain <div>, not a custom element, as in entrypoints/content/sidebar-host.ts: nobody's to define.
      name: 'div',
      css: PICKER_CSS,
      position: 'inline',
      anchor: 'body',
      append: 'last',
      // Open, unlike the sidebar's: the panel holds nothing the page does not know (selectors of the page's
      // own elements), and end-to-end tests find its buttons as an agent sees them. Keys typed in it do not
      // bubble out to the console.
      mode: 'open',
      isolateEvents: true,
      onMount(container) {
        render(<Picker config={config} send={send} onClose={() => ui.remove()} />, container);
        return container;
      },
      onRemove(container) {
        if (container) render(null, container);
      },
    });
    ui.shadowHost.setAttribute(PICKER_HOST_ATTRIBUTE, '');
    ui.mount();
  },
});
