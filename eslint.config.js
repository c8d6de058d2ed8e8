/**
 * Lint rules, and the architecture's boundaries as rules (DESIGN.md §5):
 * src/core is pure and deterministic — it imports nothing from the layers
 * above it, touches no DOM, clock or Math.random; src/session is the
 * player's attempt as pure moves — no DOM, no Phaser, no views; src/worker
 * runs heavy jobs and draws nothing. Import cycles are checked by
 * `npm run lint:cycles` (madge), which sees the whole graph at once.
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Layers above the core, as the import paths a file under src/<layer>/ would use. */
const layer = (...names) => ({
  regex: `^(\\.\\./)+(${names.join('|')})(/|$)`,
});

const DOM_GLOBALS = [
  'window',
  'document',
  'self',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'matchMedia',
  'getComputedStyle',
  'alert',
  'confirm',
  'prompt',
  'HTMLElement',
  'Element',
  'Event',
  'CustomEvent',
  'Worker',
  'postMessage',
  'Blob',
  'URL',
].map((name) => ({ name, message: 'This layer runs in Node and in a Worker: no DOM or browser globals.' }));

/** Globals that make a run depend on when or where it happens. */
const NONDETERMINISTIC_GLOBALS = [
  { name: 'Date', message: 'The core reads no clock: a run must replay bit for bit.' },
  { name: 'performance', message: 'The core reads no clock: a run must replay bit for bit.' },
  { name: 'setTimeout', message: 'The core has no timers: it is pure computation.' },
  { name: 'setInterval', message: 'The core has no timers: it is pure computation.' },
  { name: 'queueMicrotask', message: 'The core has no timers: it is pure computation.' },
  { name: 'crypto', message: 'The core draws randomness only from its one seeded generator (random.ts).' },
  { name: 'process', message: 'The core runs in the browser too: no Node globals.' },
  { name: 'globalThis', message: 'The core reads no global state.' },
  { name: 'fetch', message: 'The core does no I/O.' },
  { name: 'console', message: 'The core does no I/O: return what happened and let the caller report it.' },
];

/** Math functions whose results differ between JavaScript engines (ECMAScript only approximates them). */
const ENGINE_DEPENDENT_MATH = [
  'exp',
  'expm1',
  'log',
  'log1p',
  'log2',
  'log10',
  'pow',
  'sin',
  'cos',
  'tan',
  'asin',
  'acos',
  'atan',
  'atan2',
  'sinh',
  'cosh',
  'tanh',
  'asinh',
  'acosh',
  'atanh',
  'cbrt',
  'hypot',
].map((property) => ({
  object: 'Math',
  property,
  message: 'Engines may round this differently, and codes must reproduce bit for bit: compute it with arithmetic in the core.',
}));

export default defineConfig(
  globalIgnores(['dist/', 'dev-dist/', 'node_modules/', 'coverage/', 'test-results/', '.vite/', 'public/']),
  {
    files: ['**/*.{ts,js}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      // `if (ready) (wake(), draw());` is the house style for a guarded pair of calls.
      '@typescript-eslint/no-unused-expressions': 'off',
      // Untrusted text is cleaned by matching control characters on purpose (codeFormat.ts).
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      'no-var': 'error',
      'prefer-const': ['error', { destructuring: 'all' }],
    },
  },
  {
    name: 'mesa/declarations',
    files: ['**/*.d.ts'],
    // Ambient globals are declared with `declare var`.
    rules: { 'no-var': 'off' },
  },
  {
    name: 'mesa/tests',
    files: ['test/**/*.ts'],
    // Tests break raw level JSON on purpose, field by field.
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    name: 'mesa/core-is-pure',
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              ...layer('game', 'ui', 'worker', 'session', 'audio', 'i18n'),
              message: 'src/core imports nothing from the layers above it (game, ui, worker, session, audio, i18n): it returns message keys and parameters, and the views write them.',
            },
            { regex: '^node:', message: 'src/core runs in the browser too: no Node modules.' },
          ],
          paths: [
            { name: 'phaser', message: 'src/core draws nothing: no Phaser.' },
            { name: 'howler', message: 'src/core plays nothing: no Howler.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS, ...NONDETERMINISTIC_GLOBALS],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use the core’s one seeded generator (random.ts): runs must replay bit for bit.' },
        ...ENGINE_DEPENDENT_MATH,
      ],
      'no-restricted-syntax': ['error', { selector: 'CallExpression[callee.property.name=/^toLocale/]', message: 'The core returns codes and numbers; the views format them for a language.' }],
    },
  },
  {
    name: 'mesa/session-is-pure',
    files: ['src/session/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ ...layer('game', 'ui', 'audio'), message: 'src/session is the attempt as pure moves: views dispatch to it, it never reaches into them.' }],
          paths: [
            { name: 'phaser', message: 'src/session draws nothing: no Phaser.' },
            { name: 'howler', message: 'src/session plays nothing: no Howler.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'A session replays from its moves: take randomness from the core’s seeded generator.' }],
    },
  },
  {
    name: 'mesa/i18n-writes-words-only',
    files: ['src/i18n/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ ...layer('game', 'ui', 'worker', 'session', 'audio'), message: 'src/i18n turns keys into words for every layer (page, worker, command line): it imports none of them.' }],
        },
      ],
      'no-restricted-globals': ['error', ...DOM_GLOBALS],
    },
  },
  {
    name: 'mesa/worker-draws-nothing',
    files: ['src/worker/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ ...layer('game', 'ui', 'audio'), message: 'src/worker runs heavy jobs off the page: it imports the core, not the views.' }],
          paths: [
            { name: 'phaser', message: 'src/worker draws nothing: no Phaser.' },
            { name: 'howler', message: 'src/worker plays nothing: no Howler.' },
          ],
        },
      ],
    },
  },
);
