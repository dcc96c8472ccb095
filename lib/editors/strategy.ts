/** The ways text goes in, named by mechanism: the same mechanism is never tried twice on one editor. */
export type StrategyName = 'execCommand' | 'setRangeText' | 'paste' | 'beforeinput';

/** What `insertText` found: the strategy whose text was still in the editor once it settled, or all it tried. */
export type InsertResult = { ok: true; strategy: StrategyName } | { ok: false; tried: StrategyName[] };

/** An editor's state just before a strategy runs, to tell whether the text went in and to go back. */
export interface Snapshot {
  /** The editor's text: a text field's value, a contenteditable's textContent. */
  readonly text: string;
  /** Puts the caret or selection back where it was (if the nodes it was in are still there). */
  reselect(): void;
}

export interface Strategy<E extends HTMLElement = HTMLElement> {
  readonly name: StrategyName;
  /**
   * Inserts `text` at the caret, which the caller has just placed. False when it did nothing at all: the
   * browser refused the command, or the page did not cancel a synthetic event (an untrusted event has no
   * default action, so nobody acted on it).
   */
  run(editable: E, text: string): boolean;
  /** Takes back what a run whose text did not stay left behind, as far as this mechanism can. */
  undo?(editable: E, before: Snapshot): void;
}

/** An editor library told apart by a marker only it writes, and the strategy that is its own input path. */
export interface KnownEditor {
  readonly is: (host: HTMLElement) => boolean;
  readonly strategy: Strategy;
}
