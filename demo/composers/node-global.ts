/**
 * Draft.js's dependency fbjs reads Node's `global` (`global.setImmediate`), which browsers do not have and
 * Vite does not define. Imported before draft-js, so only the Draft.js composer's chunk carries it.
 */
const scope = globalThis as typeof globalThis & { global?: typeof globalThis };
scope.global ??= globalThis;
