/**
 * The production bundle: what index.html makes a browser download. JavaScript
 * at most 500 KB gzipped, with Phaser in a chunk of its own so it stays cached
 * when the game changes.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const DIST = 'dist';

function loadedScripts(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const urls = new Set<string>();
  for (const match of html.matchAll(/<script[^>]+src="([^"]+\.js)"/g)) urls.add(match[1]!);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)) urls.add(match[1]!);
  return [...urls].map((u) => u.replace(/^\.?\//, ''));
}

describe('the production bundle', () => {
  it('loads at most 500 KB of gzipped JavaScript from index.html', () => {
    const scripts = loadedScripts();
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.map((file) => ({ file, bytes: gzipSync(readFileSync(join(DIST, file))).length }));
    const total = gzipped.reduce((sum, f) => sum + f.bytes, 0);
    console.log(`JavaScript loaded by index.html: ${(total / 1024).toFixed(1)} KB gzipped`, gzipped.map((f) => `${f.file} ${(f.bytes / 1024).toFixed(1)} KB`).join(', '));
    expect(total).toBeLessThanOrEqual(500 * 1024);
  });

  it('puts Phaser in its own chunk', () => {
    const scripts = loadedScripts();
    const phaser = scripts.filter((f) => /phaser/.test(f));
    expect(phaser).toHaveLength(1);
    const source = readFileSync(join(DIST, phaser[0]!), 'utf8');
    expect(source.length).toBeGreaterThan(500_000);
    // The game's own code is elsewhere: no level text inside the Phaser chunk.
    expect(source).not.toContain('Goes Right');
  });
});
