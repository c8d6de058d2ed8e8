/**
 * Untrusted text inside the game's own sentences. A level title may carry a
 * right-to-left override that would reverse the words around it; wrapped in
 * a first-strong isolate (U+2068 … U+2069) it can only reorder itself. Use
 * this for text that must stay a plain string (notices, announcements); in
 * the DOM, put untrusted text in a `<bdi>` element instead.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
