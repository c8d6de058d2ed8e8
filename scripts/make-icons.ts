/**
 * Generates the app icons for the web manifest (public/icons): an SVG and
 * PNGs at 192 and 512 px, drawn from code so they need no image tool — the
 * game's mark, a yellow diamond on the header's navy. Run: npm run icons.
 * The PNG encoder is the minimum the format needs (one IDAT, no filtering).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const NAVY = [0x1b, 0x2a, 0x41] as const;
const YELLOW = [0xf0, 0xe4, 0x42] as const;
const WHITE = [0xff, 0xff, 0xff] as const;

/** Colour of pixel (x, y) in a size×size icon: a diamond with a white rim, centred, inside the maskable safe zone. */
function pixel(x: number, y: number, size: number): readonly number[] {
  const c = size / 2;
  const d = (Math.abs(x + 0.5 - c) + Math.abs(y + 0.5 - c)) / size;
  if (d < 0.26) return YELLOW;
  if (d < 0.3) return WHITE;
  return NAVY;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + data.length);
  return out;
}
function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 3);
    raw[row] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const [r, g, b] = pixel(x, y, size);
      raw.set([r!, g!, b!], row + 1 + x * 3);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]);
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><rect width="100" height="100" fill="#1b2a41"/><path d="M50 20 L80 50 L50 80 L20 50 Z" fill="#f0e442" stroke="#fff" stroke-width="4"/></svg>\n`;

mkdirSync('public/icons', { recursive: true });
writeFileSync('public/icons/icon.svg', svg);
for (const size of [192, 512]) writeFileSync(`public/icons/icon-${size}.png`, png(size));
console.log('wrote public/icons/icon.svg, icon-192.png, icon-512.png');
