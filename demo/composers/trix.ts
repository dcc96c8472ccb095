import 'trix';
import 'trix/dist/trix.css';
import trixInFrameUrl from 'trix/dist/trix.umd.min.js?url';
import type { ComposerHandle, ComposerOptions } from './types';
import './composers.css';

/** The part of Trix's `<trix-editor>` element this composer uses (the package ships no types). */
interface TrixEditorElement extends HTMLElement {
  /** Set once the element is connected and Trix has set up its controller. */
  editor?: { getDocument(): { toString(): string }; loadHTML(html: string): void };
}

let toolbars = 0;

/**
 * Trix (Basecamp's editor, a `<trix-editor>` custom element). The model is Trix's Document:
 * `getDocument().toString()`, less the newline every Trix document ends with, is what Send sends.
 */
export function mount(host: HTMLElement, options: ComposerOptions): ComposerHandle {
  defineTrixIn(host.ownerDocument);
  // Created in the host's own document: in a frame, that frame's window upgrades it once Trix is defined there.
  const element = host.ownerDocument.createElement('trix-editor') as TrixEditorElement;
  // A toolbar of its own with no buttons: a chat input has no formatting (an empty one would get Trix's default buttons).
  const toolbar = host.ownerDocument.createElement('trix-toolbar');
  toolbar.id = `composer-trix-toolbar-${++toolbars}`;
  toolbar.append(host.ownerDocument.createComment(' no formatting buttons '));
  element.setAttribute('toolbar', toolbar.id);
  element.className = 'composer-library composer-library--trix';
  element.setAttribute('placeholder', options.placeholder);
  element.setAttribute('aria-label', options.placeholder);
  const text = () => element.editor?.getDocument().toString().replace(/\n$/, '') ?? '';
  const onChange = () => options.onChange(text());
  // A chat message carries no attachments: files dropped or pasted in are refused.
  const refuseFile = (event: Event) => event.preventDefault();
  element.addEventListener('trix-change', onChange);
  element.addEventListener('trix-file-accept', refuseFile);
  host.append(toolbar, element);
  return {
    text,
    clear: () => {
      // Loading a document starts a new undo history: Ctrl+Z must not bring the sent message back.
      element.editor?.loadHTML('');
      options.onChange('');
    },
    destroy: () => {
      element.removeEventListener('trix-change', onChange);
      element.removeEventListener('trix-file-accept', refuseFile);
      host.replaceChildren();
    },
  };
}

/**
 * Custom elements are defined per window, and Trix works with the selection of the window that loaded it:
 * a console whose input is in an iframe (frame=1, frame=url) has Trix loaded by that frame's window too.
 */
function defineTrixIn(doc: Document) {
  const win = doc.defaultView;
  if (!win || win === window || win.customElements.get('trix-editor') || doc.querySelector('script[data-trix]')) return;
  const script = doc.createElement('script');
  script.src = trixInFrameUrl;
  script.dataset.trix = '';
  doc.head.append(script);
}
