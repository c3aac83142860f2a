// ESLint: code rules, the layers as import rules, and each folder's runtime as its globals.
// `npm run lint` (in `npm test`). Prettier owns the layout: eslint-config-prettier, last, turns off
// every rule that could disagree with it. Import cycles (type-only imports included, which
// import-x/no-cycle skips) are checked by electron/dev/import-cycles.test.ts (`npm run cycles`).
// No type-aware rules: with the type checker (projectService) a run took 62 s of CPU and 1.5 GB
// against 17 s without, for 6 findings (no-floating-promises, all in one test).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { importX, createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';

const ROOT = import.meta.dirname;

// ---- Rooms --------------------------------------------------------------------------------------
// Lowest first: `model` is the shared vocabulary (zod schemas, the types inferred from them, small
// runtime-neutral code); `core` the library on SQLite; `api` the contract and its implementation;
// above them the shells (main, preload, cli, renderer) and the tools.
const MODEL = 'electron/model';
const CORE = 'electron/core';
const MIGRATIONS = 'electron/core/db/migrations';
// What runs the migrations: it imports their list (migrations/index.ts), nothing else of them.
const MIGRATION_RUNNER = ['electron/core/db/migrate.ts', 'electron/core/db/open.ts'];
const API = 'electron/api';
const MAIN = 'electron/main';
const PRELOAD = 'electron/preload';
const CLI = 'electron/cli';
const RENDERER = 'renderer';
const TOOLS = ['electron/bench', 'electron/fuzz', 'electron/dev', 'electron/packaging', 'e2e'];
const API_IMPLEMENTATION = [`${API}/dispatch.ts`, `${API}/handlers`, `${API}/transports`];

// Tests (and their helpers) may cross layers: an integration test drives the stack from the top.
const TESTS = ['**/*.test.{ts,tsx}', '**/*.spec.ts', 'electron/test/**', '**/test/**'];

const under = (dir) => (dir.endsWith('.ts') ? dir : `${dir}/**`);

/** A zone of import-x/no-restricted-paths: the room's files may not import from `from`. */
const forbid = (from, message, except) => ({ from, message, ...(except ? { except } : {}) });

const ABOVE_MODEL = forbid(
  [CORE, API, MAIN, PRELOAD, CLI, RENDERER, ...TOOLS],
  'electron/model is runtime-neutral vocabulary: it imports nothing above it.',
);
const NOT_MIGRATIONS = forbid(
  [MIGRATIONS],
  'Runtime code never imports a migration (the current schema lives in runtime modules; only db/migrate.ts runs them).',
);
const CORE_REACHES_UP = forbid(
  [API, MAIN, PRELOAD, CLI, RENDERER, ...TOOLS],
  'Core knows nothing of the API, the shells or the tools: shared vocabulary lives in electron/model.',
);

/** Each file is in one room; a room lists what its files may not import. */
const rooms = [
  { name: 'model', files: [MODEL], zones: [ABOVE_MODEL] },
  {
    // One migration never imports another: each keeps the literal SQL it ran.
    name: 'migration',
    files: [`${MIGRATIONS}/0*.ts`],
    zones: [
      forbid([MIGRATIONS], 'A migration is frozen history: it imports no other migration.'),
      forbid(
        [CORE],
        'A migration is frozen history: it keeps the literal SQL it ran and imports no live code.',
        ['./db/migrate.ts', './errors.ts'],
      ),
      forbid(
        [MODEL, API, MAIN, PRELOAD, CLI, RENDERER, ...TOOLS],
        'A migration is frozen history: it imports no live code.',
      ),
    ],
  },
  {
    name: 'migrations',
    files: [MIGRATIONS],
    zones: [
      forbid(
        [CORE],
        'A migration is frozen history: it keeps the literal SQL it ran and imports no live code.',
        // The runner's types and the error class are the only live code a migration may name.
        ['./db/migrations', './db/migrate.ts', './errors.ts'],
      ),
      forbid(
        [MODEL, API, MAIN, PRELOAD, CLI, RENDERER, ...TOOLS],
        'A migration imports no live code.',
      ),
    ],
  },
  {
    name: 'migration runner',
    files: MIGRATION_RUNNER,
    zones: [
      CORE_REACHES_UP,
      forbid([MIGRATIONS], 'The runner takes the list of migrations (index.ts), nothing else.', [
        './index.ts',
      ]),
    ],
  },
  { name: 'core', files: [CORE], zones: [CORE_REACHES_UP, NOT_MIGRATIONS] },
  {
    name: 'api',
    files: [API],
    zones: [
      forbid([MAIN, PRELOAD, CLI, RENDERER, ...TOOLS], 'The API knows nothing of the shells.'),
      NOT_MIGRATIONS,
    ],
  },
  {
    name: 'main',
    files: [MAIN],
    zones: [
      forbid([RENDERER, CLI, ...TOOLS], 'The Electron shell knows nothing of the renderer or CLI.'),
      forbid([PRELOAD], 'main shares only the channel names with the preload.', ['./channels.ts']),
      NOT_MIGRATIONS,
    ],
  },
  {
    name: 'cli',
    files: [CLI],
    zones: [
      forbid([RENDERER, MAIN, PRELOAD, ...TOOLS], 'The CLI knows nothing of the other shells.'),
      NOT_MIGRATIONS,
    ],
  },
  {
    name: 'renderer',
    files: [RENDERER],
    zones: [
      forbid(
        [CORE, MAIN, PRELOAD, CLI, ...TOOLS],
        'The renderer reaches the library only through the API client: shared code lives in electron/model.',
      ),
      forbid(
        API_IMPLEMENTATION,
        'The renderer imports the API contract, never its implementation (dispatch, handlers, transports).',
      ),
    ],
  },
];

const roomFiles = (room) => room.files.map(under);
const roomBlocks = rooms.map((room, i) => ({
  name: `layers/${room.name}`,
  files: roomFiles(room),
  // Later rooms nest inside earlier ones (migrations inside core): a file belongs to the first.
  ignores: [...rooms.slice(0, i).flatMap(roomFiles), ...TESTS],
  rules: {
    'import-x/no-restricted-paths': [
      'error',
      { basePath: ROOT, zones: room.zones.map((z) => ({ target: roomFiles(room), ...z })) },
    ],
  },
}));

// ---- Runtimes -----------------------------------------------------------------------------------
// Which globals exist where. TypeScript's lib settings can't say it per folder (core and the
// renderer share tsconfig.base), so a value use of the other runtime's global is a lint error.
const names = (set) => new Set(Object.keys(set));
const es = names(globals.es2025);
const shared = names(globals['shared-node-browser']);
const nodeOnly = [...names(globals.node)].filter(
  (g) => !(g in globals.browser) && !shared.has(g) && !es.has(g),
);
const browserOnly = [...names(globals.browser)].filter(
  (g) => !(g in globals.node) && !shared.has(g) && !es.has(g),
);
// In `shared` (newer Node has them) but not in the Node 20 the CLI and web mode run on.
const notInNode20 = ['localStorage', 'sessionStorage', 'navigator', 'Navigator', 'Storage'];

const restrictGlobals = (list, why) => [
  'error',
  { globals: list.map((name) => ({ name, message: why })), checkGlobalObject: true },
];

const runtimes = [
  {
    name: 'runtime/model',
    files: [under(MODEL)],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-globals': restrictGlobals(
        [...nodeOnly, ...browserOnly, ...notInNode20],
        'electron/model runs in Node and in the browser: no globals of either alone.',
      ),
    },
  },
  {
    name: 'runtime/browser',
    files: [under(RENDERER), under(PRELOAD)],
    ignores: TESTS,
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-globals': restrictGlobals(
        nodeOnly,
        'This file runs in the browser (renderer or sandboxed preload): no Node globals.',
      ),
    },
  },
  {
    name: 'runtime/node',
    files: [CORE, API, MAIN, CLI, 'electron/fuzz', 'electron/dev', 'electron/packaging'].map(under),
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-restricted-globals': restrictGlobals(
        [...browserOnly, ...notInNode20],
        'This file runs in Node (or Electron main): no browser globals.',
      ),
    },
  },
  {
    // Playwright tests and the benchmarks run in Node and hand callbacks to the page
    // (page.evaluate); the renderer's tests run in Node beside a jsdom or a server: both.
    name: 'runtime/node-driving-a-page',
    files: ['e2e/**', 'electron/bench/**', ...TESTS.map((t) => `${RENDERER}/${t}`)],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    name: 'commonplace/base',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: { globals: { ...globals.node } }, // config files, scripts; rooms narrow it
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts', '.cts'] },
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
        }),
      ],
    },
  },
  ...roomBlocks,
  {
    // The preload runs sandboxed: its bundle may require only 'electron' and its own files.
    // Type-only imports (the bridge's contract types) vanish from the bundle and are fine.
    name: 'layers/preload',
    files: [under(PRELOAD)],
    ignores: TESTS,
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\./)',
              allowTypeImports: true,
              message: 'The sandboxed preload requires only electron and its own files.',
            },
          ],
        },
      ],
    },
  },
  ...runtimes,
  {
    name: 'commonplace/rules',
    rules: {
      // `_name` marks a value kept on purpose (a parameter an interface requires, a field left out
      // of a rest copy).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Off: matching control characters is what those patterns are for (stripping them from file
      // names, citations and search input; the FTS snippet markers \x02/\x03).
      'no-control-regex': 'off',
    },
  },
  {
    // Declarations describe another package's module: its names are used from outside.
    files: ['**/*.d.ts', '**/*.d.cts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // CommonJS scripts (the dev and packaging helpers Node runs without a build) require.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The rules of hooks and their dependencies. Not the React Compiler's rules (refs,
    // set-state-in-effect, …): they judge code for a compiler we don't use, and their 23 findings
    // are rewrites of working components, not fixes.
    name: 'react',
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  prettier,
);
