/**
 * The demo console's markup comes in layouts, chosen by the `layout` URL parameter:
 * - standard: a framework-controlled textarea, as Pinduoduo and Douyin have.
 * - editable: a contenteditable input, as JD's has.
 * - unknown: the same console after a "release" that renamed every class and data attribute,
 *   so the extension's adapter meets a page it does not know.
 * - one per editor library (see demo/composers/): the same console whose chat input is that real editor,
 *   and whose Send sends that editor's own model: react, vue, quill, draft, lexical, slate, prosemirror,
 *   trix, codemirror (CodeMirror 6);
 * - reverting: a hand-written hostile editor (demo/composers/reverting.ts) that keeps only trusted typing and
 *   puts back any DOM change it did not make, so an insertion that did not stay cannot pass for one that did.
 */
export const editorLayouts = ['react', 'vue', 'quill', 'draft', 'lexical', 'slate', 'prosemirror', 'trix', 'codemirror', 'reverting'] as const;
export type EditorLayout = (typeof editorLayouts)[number];
export type DemoLayout = 'standard' | 'editable' | 'unknown' | EditorLayout;

export function isEditorLayout(layout: DemoLayout): layout is EditorLayout {
  return (editorLayouts as readonly string[]).includes(layout);
}

export function parseLayout(search: string): DemoLayout {
  const value = new URLSearchParams(search).get('layout') ?? '';
  return value === 'editable' || value === 'unknown' || (editorLayouts as readonly string[]).includes(value) ? (value as DemoLayout) : 'standard';
}

function scramble(name: string): string {
  let h = 7;
  for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return `_${h.toString(36).slice(0, 5)}`;
}

/** Class name as this layout spells it; the `renamed` ones as a new release of the console would (`-v2`). */
export function classNamer(layout: DemoLayout, renamed: readonly string[] = []): (name: string) => string {
  const base = layout === 'unknown' ? (name: string) => `${scramble(name)} ${name.replace(/^(.)/, 'z$1')}` : (name: string) => name;
  return (name) => (renamed.includes(name) ? `${name}-v2` : base(name));
}

/** Data attribute name as this layout spells it. */
export function dataNamer(layout: DemoLayout): (name: string) => string {
  return layout === 'unknown' ? (name) => `data-${scramble(name).slice(1)}` : (name) => `data-${name}`;
}

/**
 * The paths real consoles take, each a URL parameter of its own (they combine with any layout):
 * - `frame=1`: the chat input and its Send inside a same-origin iframe (srcdoc), as some consoles embed
 *   their editor;
 * - `frame=url`: the same, but the iframe loads a page of the console's own origin
 *   (demo/public/composer-frame.html, served as /kefu-demo/composer-frame.html), so the frame's document
 *   has an http(s) address and replaces the frame's initial about:blank one, as an editor served on its own does;
 * - `frame=blank`: the same, in an iframe with no address at all, whose about:blank document the console
 *   writes into itself;
 * - `list=virtual`: a virtualised message list that draws only the newest rows and recycles its row
 *   elements (a row changes its message id, not its element);
 * - `times=clock`: message times printed as "14:02" only, with no machine-readable time;
 * - `waiting=marks`: the conversation list marks waiting buyers ("待回复") without saying since when;
 * - `renamed=composer-input,…`: those class names renamed, as a console's release renames one part overnight.
 */
export interface DemoShape {
  /** Where the chat input lives: in the console's document (null), or in an iframe's (`frame=1` srcdoc, `frame=url`, `frame=blank`). */
  composerFrame: ComposerFrame | null;
  virtualList: boolean;
  clockTimes: boolean;
  waitingMarks: boolean;
  /** Class names this console's "release" renamed (`renamed=a,b`). */
  renamed: string[];
}

export type ComposerFrame = 'srcdoc' | 'url' | 'blank';

export function parseShape(search: string): DemoShape {
  const params = new URLSearchParams(search);
  const frame = params.get('frame');
  return {
    composerFrame: frame === '1' ? 'srcdoc' : frame === 'url' ? 'url' : frame === 'blank' ? 'blank' : null,
    virtualList: params.get('list') === 'virtual',
    clockTimes: params.get('times') === 'clock',
    waitingMarks: params.get('waiting') === 'marks',
    renamed: (params.get('renamed') ?? '').split(',').filter((name) => /^[a-z][a-z0-9-]{0,40}$/.test(name)),
  };
}
