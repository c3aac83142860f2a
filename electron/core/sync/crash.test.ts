/**
 * A sync killed at the moment its segment reaches the folder. The real CLI (`sync now`, from the
 * TypeScript sources through jiti) runs in a child process with a preload that SIGKILLs it just
 * before or just after a segment file is linked into place under its final name; the library is
 * then opened again and synced. Before segments were published after their commit, the kill after
 * the link left a segment the library didn't know it wrote: the next sync took a new device id,
 * read the segment as a phantom device's and sent every change in it a second time.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { openDatabase } from '../db/open';
import { paragraphNode, rootDoc, textNode } from '../notes/lexicalJson';
import { createNote, updateNote } from '../notes/repo';
import { addArticle, addPassage } from '../search/test-library';
import { initSync, syncDevices } from './engine';
import { readSegment } from './files';
import { listDevices, listSegments } from './folder';
import { readIdentity } from './identity';
import { libraryContents, settle } from './testReplicas';

const tempDir = useTempDir('commonplace-sync-crash-');
const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});
const library = (file: string): Database => {
  const db = openDatabase(file);
  open.push(db);
  return db;
};

const ROOT = join(__dirname, '..', '..', '..');
const JITI_CLI = join(ROOT, 'node_modules', 'jiti', 'lib', 'jiti-cli.mjs');
const CLI_ENTRY = join(ROOT, 'electron', 'cli', 'index.ts');

/** Kills the process itself at the first segment linked into place, before or after the link. */
const CRASH_PRELOAD = `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const when = process.env.CRASH_AT_SEGMENT_LINK;
const link = fs.linkSync;
fs.linkSync = (from, to) => {
  if (/[\\\\/]segments[\\\\/]\\d{8}\\.seg$/.test(String(to))) {
    if (when === 'before') process.kill(process.pid, 'SIGKILL');
    link(from, to);
    process.kill(process.pid, 'SIGKILL');
  }
  return link(from, to);
};
syncBuiltinESMExports();
`;

/** Runs `sync now` on a library in a child that dies at the segment link; resolves with its signal. */
function syncKilled(file: string, when: 'before' | 'after'): Promise<string | null> {
  const preload = join(tempDir(), 'crash.mjs');
  writeFileSync(preload, CRASH_PRELOAD);
  const child = spawn(
    process.execPath,
    [
      '--import',
      pathToFileURL(preload).href,
      JITI_CLI,
      CLI_ENTRY,
      '--library',
      file,
      'sync',
      'now',
    ],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CRASH_AT_SEGMENT_LINK: when },
    },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) =>
      signal ? resolve(signal) : reject(new Error(`sync now exited ${code}: ${stderr}`)),
    );
  });
}

/** How many ops name each id, over every segment in the folder. */
function opsPerId(folder: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const device of listDevices(folder))
    for (const seg of listSegments(folder, device))
      for (const op of readSegment(seg.path).ops) out.set(op.id, (out.get(op.id) ?? 0) + 1);
  return out;
}

const noteBlocks = (db: Database, id: string): string[] =>
  (
    JSON.parse(db.prepare<[string], string>('SELECT doc FROM notes WHERE id = ?').pluck().get(id)!)
      .root.children as { children: { text: string }[] }[]
  ).map((b) => b.children.map((c) => c.text).join(''));

describe('a sync killed as its segment is written', () => {
  for (const when of ['after', 'before'] as const)
    it(`is completed by the next sync, same device, each change sent once (killed ${when} the link)`, async () => {
      const folder = tempDir();
      const fileA = join(tempDir(), 'library.sqlite');
      let a = library(fileA);
      const b = library(join(tempDir(), 'library.sqlite'));
      initSync(a, { folder, name: 'Laptop' });
      initSync(b, { folder, name: 'Desktop' });
      const article = addArticle(a, {
        title: 'Harbour',
        body: 'The ferry timetable changed in spring.',
      });
      const note = createNote(a, {
        title: 'Ferries',
        doc: rootDoc([paragraphNode([textNode('First block.')])]),
        tags: [],
      }).id;
      settle(a, b);
      const deviceA = readIdentity(a)!.deviceId;

      // Offline work on A, sent by a sync that dies at its segment.
      const passages = [
        addPassage(a, article, 'ferry timetable', { tags: ['transport'] }),
        addPassage(a, article, 'in spring', { comment: 'seasonal' }),
      ];
      updateNote(a, note, {
        doc: rootDoc([
          paragraphNode([textNode('First block.')]),
          paragraphNode([textNode('Added offline.')]),
        ]),
      });
      a.close();
      expect(await syncKilled(fileA, when)).toBe('SIGKILL');

      a = library(fileA);
      settle(a, b);
      expect(readIdentity(a)!.deviceId).toBe(deviceA);
      expect(listDevices(folder).sort()).toEqual([deviceA, readIdentity(b)!.deviceId].sort());
      expect(
        syncDevices(b)
          .map((d) => d.name)
          .sort(),
      ).toEqual(['Desktop', 'Laptop']);
      const sent = opsPerId(folder);
      for (const p of passages) expect(sent.get(p)).toBe(1);
      expect(libraryContents(b)).toEqual(libraryContents(a));
      expect(noteBlocks(b, note)).toEqual(['First block.', 'Added offline.']);
      expect(b.prepare('SELECT count(*) FROM passages').pluck().get()).toBe(2);
    }, 180_000);
});
