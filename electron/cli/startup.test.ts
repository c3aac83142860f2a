/**
 * The CLI starts fast because the heavy parsers and writers load only when a command uses them
 * (issue #17: `list` took 1.1 s and 163 MB when every parser was loaded up front). This guards
 * the structure, not the time (that is `npm run bench -- cli`): the built CLI runs `list`, `show`,
 * `search` and `--help` with a recorder of every module it loads, and none of them may load a
 * parser or writer, neither from node_modules nor bundled into one of our chunks. A top-level
 * import of one on a path these commands use, or a bundler setting that hoists it, fails here.
 *
 * Likewise the API's domains: the dispatcher loads a domain's schemas (`api/contract/<domain>.ts`)
 * and handlers (`api/handlers/<domain>.ts`) on the first call into it, so `list` loads the
 * articles domain only. A top-level import of the contract or of a handlers file on the CLI's
 * path (or the bundler hoisting one) fails here.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../test/library';
import { SHARED_ARTICLE, useTempDir } from '../test/temp';

const tempDir = useTempDir();
const ROOT = join(__dirname, '..', '..');
const BUILT_CLI = join(ROOT, 'out', 'main', 'cli.js');

/** Packages a read-only command must not load (each costs tens of MB or 100+ ms to load). */
const HEAVY = [
  'jsdom',
  'linkedom',
  'parse5',
  'pdfjs-dist',
  'docx',
  'citeproc',
  'tesseract.js',
  'mammoth',
  'dompurify',
  '@mozilla/readability',
  'franc-min',
  'csv-stringify',
  'yaml',
  '@citation-js/core',
  // Bundled into our chunks (electron.vite.config.mts), loaded only by the code that uses them.
  'yjs',
  'marked',
  'fflate',
];

/** Preloaded into the CLI: records every module request and, at exit, the files loaded. */
const RECORDER = `
const Module = require('node:module');
const requested = new Set();
const load = Module._load;
Module._load = function (request, ...rest) {
  requested.add(request);
  return load.call(this, request, ...rest);
};
process.on('exit', () => {
  require('node:fs').writeFileSync(
    process.env.LOADED_OUT,
    JSON.stringify({ requested: [...requested], files: Object.keys(require.cache) }),
  );
});
`;

interface Loaded {
  /** Packages required (by name, as `require("jsdom")` asks for them). */
  packages: string[];
  /** Heavy packages bundled into a chunk the run loaded (the chunk names its modules' paths). */
  bundled: string[];
  /** API domains whose contract or handlers file the run loaded (`handlers/export.ts` → export). */
  domains: string[];
  /** Of WRITE_PATH, the modules the run loaded. */
  writers: string[];
}

/**
 * Our modules that only importing and editing use (the importer, passage re-anchoring and its
 * fuzzy matcher): the articles domain loads them on the first import or edit, so `list` and
 * `show` don't compile them.
 */
const WRITE_PATH = [
  'electron/core/articles/import.ts',
  'electron/core/passages/anchoring/reanchor.ts',
];

/** The API domain files named in a chunk: the bundler heads each module with its source path. */
const DOMAIN_FILE = /^\/\/ electron\/api\/(?:contract|handlers)\/(\w+)\.ts$/gm;
const NOT_DOMAINS = new Set(['index', 'call', 'domains', 'types', 'services']);

function runBuilt(dir: string, args: string[]): Loaded {
  const recorder = join(dir, 'recorder.cjs');
  const out = join(dir, 'loaded.json');
  writeFileSync(recorder, RECORDER);
  const r = spawnSync(process.execPath, ['-r', recorder, BUILT_CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LOADED_OUT: out },
  });
  expect(r.status, `${args.join(' ')}: ${r.stderr}`).toBe(0);
  const { requested, files } = JSON.parse(readFileSync(out, 'utf8')) as {
    requested: string[];
    files: string[];
  };
  const ours = files
    .filter((f) => f.startsWith(join(ROOT, 'out')))
    .map((f) => readFileSync(f, 'utf8'));
  const bundled = HEAVY.filter((name) =>
    ours.some((src) => src.includes(`// node_modules/${name}/`)),
  );
  const domains = new Set(ours.flatMap((src) => [...src.matchAll(DOMAIN_FILE)].map((m) => m[1]!)));
  return {
    packages: HEAVY.filter((name) => requested.some((q) => q === name || q.startsWith(`${name}/`))),
    bundled,
    domains: [...domains].filter((d) => !NOT_DOMAINS.has(d)).sort(),
    writers: WRITE_PATH.filter((m) => ours.some((src) => src.includes(`// ${m}\n`))),
  };
}

describe('the CLI loads parsers, writers and API domains only when a command uses them', () => {
  it(
    "list, show, search and --help load no parser or writer and no other domain's API; an export loads its writer",
    { timeout: 120_000 },
    async () => {
      if (!existsSync(BUILT_CLI))
        throw new Error(`${BUILT_CLI} is missing: run \`npm run build\` first`);
      const dir = tempDir();
      const t = openTestLibrary(dir);
      const [imported] = await t.invoke('articles.importPaths', { paths: [SHARED_ARTICLE] });
      if (!imported?.ok) throw new Error('import failed');
      await t.invoke('passages.createFromQuote', {
        articleId: imported.article.id,
        quote: 'alternative trade and mutual settlements mechanisms not controlled by the West',
      });
      t.library.close();
      const lib = t.library.path;
      const runs: [string[], string[]][] = [
        [['--library', lib, 'list'], ['articles']],
        [['--library', lib, 'show', imported.article.id], ['articles']],
        [['--library', lib, 'search', 'sanctions'], ['search']],
        [['--help'], []],
      ];
      for (const [args, domains] of runs) {
        expect(runBuilt(dir, args), args.join(' ')).toEqual({
          packages: [],
          bundled: [],
          domains,
          writers: [],
        });
      }
      // The recorder sees a writer when one is used: the check above can fail.
      const exported = runBuilt(dir, [
        '--library',
        lib,
        'export',
        '--article',
        imported.article.id,
        '--format',
        'docx',
        '--out',
        join(dir, 'x.docx'),
      ]);
      expect(exported.packages).toContain('docx');
      expect(exported.domains).toContain('export');
      // ...and the importer when an import runs.
      expect(runBuilt(dir, ['--library', lib, 'import', SHARED_ARTICLE]).writers).toContain(
        'electron/core/articles/import.ts',
      );
    },
  );
});
