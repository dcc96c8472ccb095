/**
 * A trie of strings by UTF-16 code, for walking a text from each position: the guard does it for every word of
 * every rule (terms.ts) and for every gram of the learned checker (classifier.ts), on every keystroke.
 *
 * Nodes are numbers (0 is the root), and each edge (node, code) → child is kept in one open-addressing hash
 * table of typed arrays, not in a Map per node: a step is a few array reads, with no string cut out and hashed.
 * Callers keep what each node stands for in their own arrays, indexed by the node `add` returns.
 */
export class CodeTrie {
  static readonly ROOT = 0;
  /** Nodes so far, the root included. */
  size = 1;
  private parents = new Int32Array(1024).fill(-1);
  private codes = new Uint16Array(1024);
  private children = new Int32Array(1024);
  private mask = 1023;
  private edges = 0;

  /** Adds a string; returns its node. */
  add(text: string): number {
    let node = CodeTrie.ROOT;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let child = this.child(node, code);
      if (child < 0) {
        child = this.size++;
        this.insert(node, code, child);
      }
      node = child;
    }
    return node;
  }

  /** The child of `node` by `code`, or -1. */
  child(node: number, code: number): number {
    let slot = hash(node, code) & this.mask;
    for (;;) {
      const parent = this.parents[slot]!;
      if (parent === -1) return -1;
      if (parent === node && this.codes[slot] === code) return this.children[slot]!;
      slot = (slot + 1) & this.mask;
    }
  }

  private insert(parent: number, code: number, child: number): void {
    // Kept at most half full, so that a missing edge is found missing after a step or two.
    if (++this.edges * 2 > this.mask + 1) this.grow();
    let slot = hash(parent, code) & this.mask;
    while (this.parents[slot] !== -1) slot = (slot + 1) & this.mask;
    this.parents[slot] = parent;
    this.codes[slot] = code;
    this.children[slot] = child;
  }

  private grow(): void {
    const { parents, codes, children } = this;
    const capacity = (this.mask + 1) * 2;
    this.parents = new Int32Array(capacity).fill(-1);
    this.codes = new Uint16Array(capacity);
    this.children = new Int32Array(capacity);
    this.mask = capacity - 1;
    for (let slot = 0; slot < parents.length; slot++) {
      if (parents[slot] === -1) continue;
      let to = hash(parents[slot]!, codes[slot]!) & this.mask;
      while (this.parents[to] !== -1) to = (to + 1) & this.mask;
      this.parents[to] = parents[slot]!;
      this.codes[to] = codes[slot]!;
      this.children[to] = children[slot]!;
    }
  }
}

function hash(node: number, code: number): number {
  let h = Math.imul(node, 0x9e3779b1) ^ code;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return (h ^ (h >>> 13)) >>> 0;
}
