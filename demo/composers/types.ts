/**
 * A chat input built with a real editor library, mounted into a host element the console gives it.
 * `text()` reads the editor's own model (never the DOM), which is what the console's Send sends, so a
 * snippet inserted in a way the editor did not see is not sent, as on a real console.
 */
export interface ComposerHandle {
  text(): string;
  clear(): void;
  destroy(): void;
}

export interface ComposerOptions {
  placeholder: string;
  /** Called with the model's text after every change (the console mirrors it in its counter and Send button). */
  onChange: (text: string) => void;
}

export type MountComposer = (host: HTMLElement, options: ComposerOptions) => ComposerHandle;

/** How often the React and Vue composers re-render by themselves, as the console does (demo/App.tsx). */
export const RERENDER_MS = 250;
