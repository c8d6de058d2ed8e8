import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import type { Plugin } from 'vite';
import { fileURLToPath } from 'node:url';

/**
 * The Content-Security-Policy in index.html holds for the built game (the
 * browser tests fail on any violation). The dev server injects styles inline
 * for hot reloading, which the policy rightly forbids, so `npm start` serves
 * the page without it.
 */
function cspOnlyInBuild(): Plugin {
  return {
    name: 'mesa-csp-only-in-build',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, ''),
  };
}

/**
 * The built game bundles Phaser from its sources without the physics engines
 * and Phaser's own sound (Mesa has no physics and plays sound through Howler):
 * about a fifth of Phaser, which every player downloads before the title
 * screen. Phaser's sources take their feature switches as `typeof NAME`
 * expressions that its own build replaces; this does the same. The dev server
 * keeps the prebuilt Phaser, which has every feature these leave out.
 */
const PHASER_ENTRY = fileURLToPath(new URL('./node_modules/phaser/src/phaser-no-physics.js', import.meta.url));
const PHASER_FEATURES: Record<string, boolean> = {
  CANVAS_RENDERER: true,
  WEBGL_RENDERER: true,
  WEBGL_DEBUG: false,
  EXPERIMENTAL: false,
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
};
const GLOBAL_PHASER = /^global\.Phaser = Phaser;$/m;
function phaserWithoutPhysics(): Plugin {
  const sources = fileURLToPath(new URL('./node_modules/phaser/src/', import.meta.url));
  return {
    name: 'mesa-phaser-without-physics',
    apply: 'build',
    enforce: 'pre',
    resolveId: (id) => (id === 'phaser' ? PHASER_ENTRY : null),
    transform(code, id) {
      if (!id.startsWith(sources)) return null;
      // The entry publishes Phaser as a global through webpack's `global`, which a browser lacks: the game imports it instead.
      if (id === PHASER_ENTRY && !GLOBAL_PHASER.test(code)) throw new Error(`${id}: the line that sets global.Phaser has changed; update vite.config.ts`);
      return code.replace(/typeof ([A-Z][A-Z0-9_]+)\b/g, (match: string, name: string) => (Object.hasOwn(PHASER_FEATURES, name) ? String(PHASER_FEATURES[name]) : match)).replace(GLOBAL_PHASER, '');
    },
  };
}

export default defineConfig({
  base: './',
  build: {
    target: 'es2022',
    rolldownOptions: {
      output: {
        // Phaser is large and changes rarely: its own chunk stays cached across releases.
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }],
        },
      },
    },
  },
  worker: { format: 'es' },
  plugins: [
    cspOnlyInBuild(),
    phaserWithoutPhysics(),
    // Offline and installable: a classroom often has a poor network. The service
    // worker precaches everything one lesson needs (scripts, the training worker,
    // styles, sounds, icons) on the first visit; see README "Classroom".
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      includeAssets: ['icons/icon.svg'],
      manifest: {
        name: 'Mesa — a game about inner alignment',
        short_name: 'Mesa',
        description: 'Train a real agent, then find out what it actually learned before you deploy it.',
        theme_color: '#1b2a41',
        background_color: '#f7f5ef',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,wav,webmanifest,json}'],
        // Phaser's chunk is over the 2 MiB default; the game cannot start without it.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
