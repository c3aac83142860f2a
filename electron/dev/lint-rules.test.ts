import { join } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// The layer and runtime rules of eslint.config.mjs can fail: a file placed in each room (linted as
// text under that path, so nothing is written into the tree) with a forbidden import or global.
const ROOT = join(__dirname, '..', '..');
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The rules that fire on `code` as if it were the file at `path`, with their messages. */
async function lint(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, path) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

const RESTRICTED_PATH = 'import-x/no-restricted-paths';
const RESTRICTED_GLOBAL = 'no-restricted-globals';

/** [room file, code, the rule expected to fire, a word of its message] */
const forbidden: [string, string, string, RegExp][] = [
  // model ↛ anything above it; no globals of one runtime alone
  ['electron/model/probe.ts', "export * from '../core/errors';", RESTRICTED_PATH, /model/],
  ['electron/model/probe.ts', "export * from '../api/dispatch';", RESTRICTED_PATH, /model/],
  ['electron/model/probe.ts', "export * from '../cli/format';", RESTRICTED_PATH, /model/],
  ['electron/model/probe.ts', "export * from '../../renderer/src/App';", RESTRICTED_PATH, /model/],
  ['electron/model/probe.ts', 'export const cwd = process.cwd();', RESTRICTED_GLOBAL, /process/],
  ['electron/model/probe.ts', "export const b = Buffer.from('x');", RESTRICTED_GLOBAL, /Buffer/],
  ['electron/model/probe.ts', 'export const w = window.innerWidth;', RESTRICTED_GLOBAL, /window/],
  ['electron/model/probe.ts', 'export const n = localStorage.length;', RESTRICTED_GLOBAL, /local/],
  // core ↛ api, main, preload, renderer, cli; no browser globals
  ['electron/core/probe.ts', "export * from '../api/dispatch';", RESTRICTED_PATH, /Core/],
  ['electron/core/probe.ts', "export * from '../main/security';", RESTRICTED_PATH, /Core/],
  ['electron/core/probe.ts', "export * from '../preload/channels';", RESTRICTED_PATH, /Core/],
  ['electron/core/probe.ts', "export * from '../../renderer/src/App';", RESTRICTED_PATH, /Core/],
  ['electron/core/probe.ts', "export * from '../cli/format';", RESTRICTED_PATH, /Core/],
  ['electron/core/probe.ts', 'export const t = document.title;', RESTRICTED_GLOBAL, /document/],
  ['electron/core/probe.ts', 'export const w = globalThis.window;', RESTRICTED_GLOBAL, /window/],
  // renderer ↛ core, the API's implementation, main, preload, cli; no Node globals
  [
    'renderer/src/probe.ts',
    "export * from '../../electron/core/errors';",
    RESTRICTED_PATH,
    /API client/,
  ],
  [
    'renderer/src/probe.ts',
    "export * from '../../electron/api/dispatch';",
    RESTRICTED_PATH,
    /implementation/,
  ],
  [
    'renderer/src/probe.ts',
    "export * from '../../electron/api/handlers';",
    RESTRICTED_PATH,
    /implementation/,
  ],
  [
    'renderer/src/probe.ts',
    "export * from '../../electron/api/transports/http';",
    RESTRICTED_PATH,
    /implementation/,
  ],
  [
    'renderer/src/probe.ts',
    "export * from '../../electron/main/security';",
    RESTRICTED_PATH,
    /API client/,
  ],
  [
    'renderer/src/probe.ts',
    "export * from '../../electron/preload/channels';",
    RESTRICTED_PATH,
    /API client/,
  ],
  ['renderer/src/probe.tsx', 'export const v = process.env.X;', RESTRICTED_GLOBAL, /process/],
  ['renderer/src/probe.ts', 'export const d = __dirname;', RESTRICTED_GLOBAL, /__dirname/],
  // the preload requires only electron and its own files
  [
    'electron/preload/probe.ts',
    "export { readFileSync } from 'node:fs';",
    '@typescript-eslint/no-restricted-imports',
    /only electron/,
  ],
  [
    'electron/preload/probe.ts',
    "export { dispatch } from '../api/dispatch';",
    '@typescript-eslint/no-restricted-imports',
    /only electron/,
  ],
  ['electron/preload/probe.ts', 'export const v = process.versions;', RESTRICTED_GLOBAL, /process/],
  // migrations ↛ live code, nor another migration; runtime ↛ migrations
  [
    'electron/core/db/migrations/0099_probe.ts',
    "export { default } from './0001_initial';",
    RESTRICTED_PATH,
    /imports no other migration/,
  ],
  [
    'electron/core/db/migrations/0099_probe.ts',
    "export * from '../../search/grams';",
    RESTRICTED_PATH,
    /frozen/,
  ],
  [
    'electron/core/db/migrations/0099_probe.ts',
    "export * from '../../../api/contract';",
    RESTRICTED_PATH,
    /live code/,
  ],
  [
    'electron/core/db/migrations/0099_probe.ts',
    "export * from '../../../model/body';",
    RESTRICTED_PATH,
    /live code/,
  ],
  [
    'electron/core/search/probe.ts',
    "export * from '../db/migrations/0003_search';",
    RESTRICTED_PATH,
    /never imports a migration/,
  ],
  [
    'electron/api/probe.ts',
    "export * from '../core/db/migrations';",
    RESTRICTED_PATH,
    /never imports a migration/,
  ],
  [
    'electron/core/db/open.ts',
    "export * from './migrations/0003_search';",
    RESTRICTED_PATH,
    /list of migrations/,
  ],
  // the API and the shells keep to their own
  ['electron/api/probe.ts', "export * from '../cli/format';", RESTRICTED_PATH, /shells/],
  [
    'electron/main/probe.ts',
    "export * from '../../renderer/src/App';",
    RESTRICTED_PATH,
    /renderer/,
  ],
  ['electron/main/probe.ts', "export * from '../preload/index';", RESTRICTED_PATH, /channel names/],
  ['electron/cli/probe.ts', "export * from '../main/security';", RESTRICTED_PATH, /other shells/],
];

/** The same rooms with what they may import: the rules don't simply fire on everything. */
const allowed: [string, string][] = [
  ['electron/model/probe.ts', "import { z } from 'zod';\nexport const s = z.string();"],
  ['electron/model/probe.ts', 'export const t = setTimeout(() => new URL("x:y"), 1);'],
  ['electron/core/probe.ts', "export * from './errors';\nexport const c = process.cwd();"],
  ['electron/core/probe.ts', 'export function f(e: Element): string {\n  return e.tagName;\n}'],
  [
    'renderer/src/probe.ts',
    "export * from '../../electron/api/contract';\nexport const w = window;",
  ],
  ['renderer/src/probe.test.ts', "export * from '../../electron/core/errors';"],
  [
    'electron/preload/probe.ts',
    "export { ipcRenderer } from 'electron';\nexport * from './channels';",
  ],
  ['electron/preload/probe.ts', "export type { LibraryEvent } from '../api/contract';"],
  ['electron/core/db/migrations/0099_probe.ts', "export type { Migration } from '../migrate';"],
  ['electron/core/db/migrate.ts', "export * from './migrations';"],
  ['electron/core/db/open.ts', "export * from './migrations/index';"],
  [
    'electron/main/probe.ts',
    "export * from '../preload/channels';\nexport * from '../api/dispatch';",
  ],
];

describe('lint rules', () => {
  it.each(forbidden)('%s: `%s` is an error (%s)', async (path, code, rule, why) => {
    const fired = await lint(path, code);
    expect(fired.filter((m) => m.startsWith(`${rule}: `) && why.test(m))).toHaveLength(1);
  });

  it.each(allowed)('%s: `%s` passes', async (path, code) => {
    expect(await lint(path, code)).toEqual([]);
  });
});
