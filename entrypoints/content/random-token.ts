/**
 * 128 random bits as hex. getRandomValues, not randomUUID: the latter exists only in secure contexts, and a
 * console may be plain http.
 */
export function randomToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
