/**
 * Bit-exact fingerprints of numbers, for golden tests and challenge codes:
 * two agents with the same hash have the same weights to the last bit.
 */

/** FNV-1a over the IEEE-754 bytes of each number, as 8 hex digits. */
export function hashNumbers(values: readonly number[]): string {
  // Little-endian explicitly, so the hash is the same on every platform.
  const view = new DataView(new ArrayBuffer(8));
  let h = 0x811c9dc5;
  for (const value of values) {
    view.setFloat64(0, value, true);
    for (let i = 0; i < 8; i++) {
      h ^= view.getUint8(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
  }
  return h.toString(16).padStart(8, '0');
}
