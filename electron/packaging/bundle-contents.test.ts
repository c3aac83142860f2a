import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  contentProblems,
  desktopEntryProblems,
  fuseProblems,
  REQUIRED,
} from './bundle-contents.cjs';
import { NATIVE_BINDING } from './pack-hooks.cjs';
import { PACKAGED_NATIVE_BINDING } from '../main/startup-config';

describe('contentProblems', () => {
  const good = [
    ...REQUIRED,
    'out/main/cli.js',
    'node_modules/zod/package.json',
    'node_modules/zod/index.js',
  ];

  it('passes the built app with its runtime dependencies', () => {
    expect(contentProblems(good, ['zod'])).toEqual([]);
  });

  it('names what is missing and what must not ship', () => {
    const bad = [
      ...good.filter((e) => e !== 'out/preload/index.js'),
      'out/main/bench.js',
      'out/main/index.js.map',
      'node_modules/@types/node/index.d.ts',
      'node_modules/prebuild-install/bin.js',
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/zod/src/a.test.ts',
    ];
    expect(contentProblems(bad, ['zod', 'yaml'])).toEqual([
      'missing out/preload/index.js',
      'missing the runtime dependency yaml',
      'ships the benchmark bundle: out/main/bench.js',
      'ships a source map: out/main/index.js.map',
      'ships test code: node_modules/zod/src/a.test.ts',
      'ships type declarations (@types): node_modules/@types/node/index.d.ts',
      "ships better-sqlite3's install helper (prebuild-install): node_modules/prebuild-install/bin.js",
      "ships better-sqlite3's sources or its Node build: node_modules/better-sqlite3/build/Release/better_sqlite3.node",
    ]);
  });
});

describe('fuseProblems', () => {
  it('compares the wire with the config, fuse by fuse', () => {
    const wire = { 0: 0x30, 1: 0x31, 2: 0x31 };
    expect(fuseProblems(wire, { runAsNode: false, enableCookieEncryption: true })).toEqual([]);
    expect(
      fuseProblems(wire, { enableNodeOptionsEnvironmentVariable: false, made_up: true }),
    ).toEqual([
      'fuse enableNodeOptionsEnvironmentVariable is on, the config says off',
      'unknown fuse made_up in the config',
    ]);
  });
});

describe('desktopEntryProblems', () => {
  const want = {
    schemes: ['commonplace'],
    mimeTypes: ['application/pdf'],
    category: 'Office',
    desktopName: 'commonplace.desktop',
    productName: 'Commonplace',
  };
  const entry = (mime: string, exec = '/opt/Commonplace/commonplace %U') =>
    `[Desktop Entry]\nName=Commonplace\nExec=${exec}\nStartupWMClass=commonplace\nMimeType=${mime}\nCategories=Office;\n\n[Desktop Action x]\nMimeType=x-scheme-handler/commonplace;\n`;

  it('passes an entry handling the scheme and the formats', () => {
    expect(
      desktopEntryProblems(entry('application/pdf;x-scheme-handler/commonplace;'), want),
    ).toEqual([]);
  });

  it('names a missing scheme or type and an Exec that drops the link (only the main group counts)', () => {
    expect(
      desktopEntryProblems(entry('application/pdf;', '/opt/Commonplace/commonplace'), want),
    ).toEqual([
      'MimeType lacks x-scheme-handler/commonplace',
      'Exec does not pass links and files to the app: /opt/Commonplace/commonplace',
    ]);
  });
});

describe('the packed native module', () => {
  it('is where the main process looks for it', () => {
    expect(NATIVE_BINDING).toEqual([...PACKAGED_NATIVE_BINDING]);
  });

  it('is placed by hooks electron-builder.yml names, with node_modules never rebuilt', () => {
    const yml = readFileSync(join(__dirname, '..', '..', 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/^npmRebuild: false$/m);
    expect(yml).toMatch(/^beforePack: \.\/electron\/packaging\/pack-hooks\.cjs$/m);
    expect(yml).toMatch(/^afterPack: \.\/electron\/packaging\/pack-hooks\.cjs$/m);
  });
});
