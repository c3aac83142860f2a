/**
 * Property: random edits on three replicas (real libraries, each with its own copy of the sync
 * folder), files delivered between the folders in random order, some segments applied twice and
 * some held back until the end, always end in identical libraries: every synced table row for
 * row, the derived links, and the search indexes (consistent, and answering the same searches).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import type { Database } from 'better-sqlite3';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newId, nowIso } from '../ids';
import { useTempDir } from '../../test/temp';
import { openDatabase } from '../db/open';
import { createLink, deleteLink } from '../links/repo';
import { paragraphNode, rootDoc, textNode } from '../notes/lexicalJson';
import { createNote, deleteNote, restoreNote, setNoteTags, updateNote } from '../notes/repo';
import { createPassage, deletePassage, restorePassage, updatePassage } from '../passages/repo';
import { addArticle } from '../search/test-library';
import { deleteTag, recolorTag, renameTag, setArticleTags } from '../tags/repo';
import {
  emptyTrash,
  markRead,
  restoreArticles,
  setReadingPlace,
  trashArticles,
} from '../articles/state';
import {
  addToCollection,
  deleteCollection,
  removeFromCollection,
  renameCollection,
} from '../collections/repo';
import { addCitationStyle, removeCitationStyle } from '../citations/userStyles';
import { initSync, syncNow } from './engine';
import { libraryContents, searchContents } from './testReplicas';

const tempDir = useTempDir('commonplace-converge-');
const RUNS = Number(process.env.SYNC_RUNS ?? 25);
const open: Database[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

const WORDS = ['harbour', 'ferry', 'monsoon', 'kerala', 'timetable', 'tides', 'spring', 'river'];
const TAGS = ['alpha', 'beta', 'Gamma', 'gamma'];
const COLORS = ['yellow', 'green', 'blue', 'pink'] as const;
// Tag colours as the API takes them (TagColor); passages take named colours.
const TAG_COLORS = ['#ffcc00', '#88cc88', '#6699ff', null] as const;
const COLLECTIONS = ['Thesis', 'thesis', 'Reading list', 'Ferries'];
const STYLE_FILES = ['harvard-test.csl', 'harvard-swedish.csl', 'journal-dependent.csl'];
/**
 * Each style's row as addCitationStyle writes it (checked once, in a scratch library: the check
 * runs in a worker, so it is async, and the replicas' edits are synchronous steps).
 */
const STYLES: Record<string, unknown>[] = [];
beforeAll(async () => {
  const db = openDatabase(join(tempDir(), 'styles.sqlite'));
  try {
    for (const name of STYLE_FILES)
      await addCitationStyle(
        db,
        name,
        readFileSync(join(__dirname, '../citations/fixtures', name), 'utf8'),
      );
    STYLES.push(
      ...db
        .prepare<[], Record<string, unknown>>(
          'SELECT csl_id, title, file_name, xml, parent FROM citation_styles ORDER BY file_name',
        )
        .all(),
    );
  } finally {
    db.close();
  }
}, 120_000);

type Action =
  | { kind: 'article'; words: number[] }
  | { kind: 'passage'; pick: number; at: number; len: number }
  | { kind: 'comment'; pick: number; text: number }
  | { kind: 'color'; pick: number; color: number }
  | { kind: 'passageTags'; pick: number; tags: number[] }
  | { kind: 'deletePassage'; pick: number }
  | { kind: 'restorePassage'; pick: number }
  | { kind: 'note'; words: number[] }
  | {
      kind: 'editNote';
      pick: number;
      block: number;
      words: number[];
      mode: 'replace' | 'append' | 'remove';
    }
  | { kind: 'noteTitle'; pick: number; text: number }
  | { kind: 'noteTags'; pick: number; tags: number[] }
  | { kind: 'deleteNote'; pick: number }
  | { kind: 'restoreNote'; pick: number }
  | { kind: 'link'; from: number; to: number; rel: number }
  | { kind: 'unlink'; pick: number }
  | { kind: 'recolorTag'; tag: number; color: number }
  | { kind: 'articleTags'; pick: number; tags: number[] }
  | { kind: 'sameFile'; file: number }
  | { kind: 'deleteTag'; tag: number }
  | { kind: 'renameTag'; tag: number; to: number }
  | { kind: 'trash'; pick: number }
  | { kind: 'restoreArticle'; pick: number }
  | { kind: 'emptyTrash'; pick: number }
  | { kind: 'read'; pick: number; read: boolean }
  | { kind: 'readingPlace'; pick: number; at: number }
  | { kind: 'collect'; pick: number; name: number; add: boolean }
  | { kind: 'renameCollection'; pick: number; name: number }
  | { kind: 'deleteCollection'; pick: number }
  | { kind: 'addStyle'; style: number }
  | { kind: 'removeStyle'; pick: number };

type Step =
  | { kind: 'edit'; replica: number; action: Action }
  | { kind: 'sync'; replica: number }
  | { kind: 'deliver'; from: number; to: number; pick: number; count: number }
  | { kind: 'reapply'; replica: number; pick: number };

const idx = fc.nat({ max: 1000 });
const wordList = fc.array(fc.nat({ max: WORDS.length - 1 }), { minLength: 2, maxLength: 6 });
const tagList = fc.uniqueArray(fc.nat({ max: TAGS.length - 1 }), { maxLength: 3 });
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('article' as const), words: wordList }),
  fc.record({
    kind: fc.constant('passage' as const),
    pick: idx,
    at: idx,
    len: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({ kind: fc.constant('comment' as const), pick: idx, text: idx }),
  fc.record({ kind: fc.constant('color' as const), pick: idx, color: fc.nat({ max: 3 }) }),
  fc.record({ kind: fc.constant('passageTags' as const), pick: idx, tags: tagList }),
  fc.record({ kind: fc.constant('deletePassage' as const), pick: idx }),
  fc.record({ kind: fc.constant('restorePassage' as const), pick: idx }),
  fc.record({ kind: fc.constant('note' as const), words: wordList }),
  fc.record({
    kind: fc.constant('editNote' as const),
    pick: idx,
    block: idx,
    words: wordList,
    mode: fc.constantFrom('replace' as const, 'append' as const, 'remove' as const),
  }),
  fc.record({ kind: fc.constant('noteTitle' as const), pick: idx, text: idx }),
  fc.record({ kind: fc.constant('noteTags' as const), pick: idx, tags: tagList }),
  fc.record({ kind: fc.constant('deleteNote' as const), pick: idx }),
  fc.record({ kind: fc.constant('restoreNote' as const), pick: idx }),
  fc.record({ kind: fc.constant('link' as const), from: idx, to: idx, rel: fc.nat({ max: 2 }) }),
  fc.record({ kind: fc.constant('unlink' as const), pick: idx }),
  fc.record({
    kind: fc.constant('recolorTag' as const),
    tag: fc.nat({ max: 3 }),
    color: fc.nat({ max: 3 }),
  }),
  fc.record({ kind: fc.constant('articleTags' as const), pick: idx, tags: tagList }),
  fc.record({ kind: fc.constant('sameFile' as const), file: fc.nat({ max: 1 }) }),
  fc.record({ kind: fc.constant('deleteTag' as const), tag: fc.nat({ max: TAGS.length - 1 }) }),
  fc.record({
    kind: fc.constant('renameTag' as const),
    tag: fc.nat({ max: TAGS.length - 1 }),
    to: fc.nat({ max: TAGS.length - 1 }),
  }),
  fc.record({ kind: fc.constant('trash' as const), pick: idx }),
  fc.record({ kind: fc.constant('restoreArticle' as const), pick: idx }),
  fc.record({ kind: fc.constant('emptyTrash' as const), pick: idx }),
  fc.record({ kind: fc.constant('read' as const), pick: idx, read: fc.boolean() }),
  fc.record({ kind: fc.constant('readingPlace' as const), pick: idx, at: fc.nat({ max: 20 }) }),
  fc.record({
    kind: fc.constant('collect' as const),
    pick: idx,
    name: fc.nat({ max: COLLECTIONS.length - 1 }),
    add: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('renameCollection' as const),
    pick: idx,
    name: fc.nat({ max: COLLECTIONS.length - 1 }),
  }),
  fc.record({ kind: fc.constant('deleteCollection' as const), pick: idx }),
  fc.record({
    kind: fc.constant('addStyle' as const),
    style: fc.nat({ max: STYLE_FILES.length - 1 }),
  }),
  fc.record({ kind: fc.constant('removeStyle' as const), pick: idx }),
);
const replica = fc.nat({ max: 2 });
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('edit' as const), replica, action }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('sync' as const), replica }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('deliver' as const),
      from: replica,
      to: replica,
      pick: idx,
      count: fc.integer({ min: 1, max: 4 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('reapply' as const), replica, pick: idx }),
  },
);

const ids = (db: Database, sql: string) => db.prepare<[], string>(sql).pluck().all();
const choose = <T>(list: readonly T[], i: number): T | undefined =>
  list.length ? list[i % list.length] : undefined;
const sentence = (words: number[]) => words.map((w) => WORDS[w]).join(' ');

/** Runs one edit the way the app would; edits the app would refuse are skipped. */
function edit(db: Database, a: Action, serial: number): void {
  const passages = ids(db, 'SELECT id FROM passages ORDER BY id');
  const notes = ids(db, 'SELECT id FROM notes ORDER BY id');
  const articles = ids(db, 'SELECT id FROM articles ORDER BY id');
  try {
    switch (a.kind) {
      case 'article':
        addArticle(db, {
          title: `Report ${serial} ${sentence(a.words)}`,
          body: `${sentence(a.words)} number ${serial}.`,
        });
        return;
      case 'passage': {
        const art = choose(articles, a.pick);
        if (!art) return;
        const text = db
          .prepare<[string], string>('SELECT text FROM articles WHERE id = ?')
          .pluck()
          .get(art)!;
        const start = a.at % Math.max(1, text.length - 1);
        const end = Math.min(text.length, start + a.len);
        if (end <= start || !text.slice(start, end).trim()) return;
        createPassage(db, { articleId: art, start, end, color: 'yellow', tags: [], comment: '' });
        return;
      }
      case 'comment': {
        const p = choose(passages, a.pick);
        if (p) updatePassage(db, p, { comment: `comment ${a.text} from ${serial}` });
        return;
      }
      case 'color': {
        const p = choose(passages, a.pick);
        if (p) updatePassage(db, p, { color: COLORS[a.color]! });
        return;
      }
      case 'passageTags': {
        const p = choose(passages, a.pick);
        if (p) updatePassage(db, p, { tags: a.tags.map((t) => TAGS[t]!) });
        return;
      }
      case 'deletePassage': {
        const p = choose(passages, a.pick);
        if (p) deletePassage(db, p);
        return;
      }
      case 'restorePassage': {
        const p = choose(passages, a.pick);
        if (p) restorePassage(db, p);
        return;
      }
      case 'note':
        createNote(db, {
          title: `Note ${serial}`,
          doc: rootDoc([paragraphNode([textNode(sentence(a.words))])]),
          tags: [],
        });
        return;
      case 'editNote': {
        const n = choose(notes, a.pick);
        if (!n) return;
        const doc = JSON.parse(
          db.prepare<[string], string>('SELECT doc FROM notes WHERE id = ?').pluck().get(n)!,
        );
        const blocks: unknown[] = doc.root.children;
        const at = blocks.length ? a.block % blocks.length : 0;
        const block = paragraphNode([textNode(`${sentence(a.words)} (${serial})`)]);
        if (a.mode === 'append') blocks.splice(at + 1, 0, block);
        else if (a.mode === 'replace') blocks.splice(at, 1, block);
        else if (blocks.length > 1) blocks.splice(at, 1);
        updateNote(db, n, { doc });
        return;
      }
      case 'noteTitle': {
        const n = choose(notes, a.pick);
        if (n) updateNote(db, n, { title: `Title ${a.text} ${serial}` });
        return;
      }
      case 'noteTags': {
        const n = choose(notes, a.pick);
        if (n)
          setNoteTags(
            db,
            n,
            a.tags.map((t) => TAGS[t]!),
          );
        return;
      }
      case 'deleteNote': {
        const n = choose(notes, a.pick);
        if (n) deleteNote(db, n);
        return;
      }
      case 'restoreNote': {
        const n = choose(notes, a.pick);
        if (n) restoreNote(db, n);
        return;
      }
      case 'link': {
        const from = choose(passages, a.from);
        const to = choose(notes, a.to) ?? choose(passages, a.to + 1);
        if (!from || !to || from === to) return;
        const kind = notes.includes(to) ? ('note' as const) : ('passage' as const);
        createLink(
          db,
          { kind: 'passage', id: from },
          { kind, id: to },
          ['supports', 'contradicts', 'see also'][a.rel]!,
        );
        return;
      }
      case 'unlink': {
        const l = choose(ids(db, "SELECT id FROM links WHERE origin = 'link' ORDER BY id"), a.pick);
        if (l) deleteLink(db, l);
        return;
      }
      case 'recolorTag':
        recolorTag(db, TAGS[a.tag]!, TAG_COLORS[a.color]!);
        return;
      case 'articleTags': {
        const art = choose(articles, a.pick);
        if (art)
          setArticleTags(
            db,
            art,
            a.tags.map((t) => TAGS[t]!),
          );
        return;
      }
      case 'deleteTag':
        deleteTag(db, TAGS[a.tag]!);
        return;
      case 'renameTag':
        renameTag(db, TAGS[a.tag]!, `${TAGS[a.to]!}${serial % 2 ? '' : ' 2'}`);
        return;
      case 'sameFile': {
        // The same file imported on several replicas (the app refuses it twice on one).
        const body = `The shared file ${a.file}: harbour ferry tides.`;
        if (ids(db, 'SELECT text FROM articles').includes(body)) return;
        addArticle(db, { title: `Shared ${a.file}`, body });
        return;
      }
      case 'trash': {
        const art = choose(articles, a.pick);
        if (art) trashArticles(db, [art]);
        return;
      }
      case 'restoreArticle': {
        const art = choose(articles, a.pick);
        if (art) restoreArticles(db, [art]);
        return;
      }
      case 'emptyTrash': {
        const trashed = ids(
          db,
          'SELECT article_id FROM article_state WHERE deleted_at IS NOT NULL ORDER BY article_id',
        );
        const art = choose(trashed, a.pick);
        if (art) emptyTrash(db, [art]);
        return;
      }
      case 'read': {
        const art = choose(articles, a.pick);
        if (art) markRead(db, [art], a.read);
        return;
      }
      case 'readingPlace': {
        const art = choose(articles, a.pick);
        if (art) setReadingPlace(db, art, a.at);
        return;
      }
      case 'collect': {
        const art = choose(articles, a.pick);
        if (!art) return;
        if (a.add) addToCollection(db, COLLECTIONS[a.name]!, [art]);
        else removeFromCollection(db, COLLECTIONS[a.name]!, [art]);
        return;
      }
      case 'renameCollection': {
        const c = choose(ids(db, 'SELECT id FROM collections ORDER BY id'), a.pick);
        if (c) renameCollection(db, c, `${COLLECTIONS[a.name]!} ${serial}`);
        return;
      }
      case 'deleteCollection': {
        const c = choose(ids(db, 'SELECT id FROM collections ORDER BY id'), a.pick);
        if (c) deleteCollection(db, c);
        return;
      }
      case 'addStyle': {
        // As addCitationStyle writes a checked style; the same style twice is refused.
        const style = STYLES[a.style]!;
        if (db.prepare('SELECT 1 FROM citation_styles WHERE csl_id = ?').get(style.csl_id)) return;
        db.prepare(
          'INSERT INTO citation_styles (id, csl_id, title, file_name, xml, parent, created_at) VALUES (@id, @csl_id, @title, @file_name, @xml, @parent, @created_at)',
        ).run({ ...style, id: newId(), created_at: nowIso() });
        return;
      }
      case 'removeStyle': {
        const st = choose(ids(db, 'SELECT id FROM citation_styles ORDER BY id'), a.pick);
        if (st) removeCitationStyle(db, `user:${st}`);
        return;
      }
    }
  } catch (e) {
    // What the app refuses (a deleted passage edited, a duplicate link, an unknown tag): skip.
    const code = (e as { code?: string }).code;
    if (!['not_found', 'invalid_input', 'invalid_link', 'duplicate_link'].includes(code ?? ''))
      throw e;
  }
}

/** Every file under a folder, as paths relative to it (temp files left out). */
function filesOf(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (!name.startsWith('.')) out.push(relative(folder, p));
    }
  };
  walk(folder);
  return out.sort();
}

/** Copies one file the way a sync engine delivers it; false when it was there already. */
function deliver(from: string, to: string, rel: string): boolean {
  const target = join(to, rel);
  if (existsSync(target)) return false;
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(from, rel), target);
  return true;
}

function syncClean(db: Database): { sent: number; applied: number } {
  const r = syncNow(db);
  // Parked ops (a passage before its article) are expected; skipped files are not.
  expect(r.problems.map((p) => p.message)).toEqual([]);
  return r;
}

describe('three replicas converge', () => {
  it(
    'whatever the edits, the order, duplication and delay of delivery',
    () => {
      const root = tempDir();
      fc.assert(
        fc.property(fc.array(step, { minLength: 5, maxLength: 45 }), (steps) => {
          const run = mkdtempSync(join(root, 'run-'));
          const folders = [0, 1, 2].map((i) => join(run, `folder${i}`));
          for (const f of folders) mkdirSync(f);
          const dbs = [0, 1, 2].map((i) => {
            const db = openDatabase(join(run, `library${i}.sqlite`));
            open.push(db);
            return db;
          });
          try {
            initSync(dbs[0]!, { folder: folders[0]!, name: 'R0' });
            for (const i of [1, 2]) {
              deliver(folders[0]!, folders[i]!, 'commonplace-library.json');
              initSync(dbs[i]!, { folder: folders[i]!, name: `R${i}` });
            }
            let serial = 0;
            for (const s of steps) {
              if (s.kind === 'edit') edit(dbs[s.replica]!, s.action, ++serial);
              else if (s.kind === 'sync') syncClean(dbs[s.replica]!);
              else if (s.kind === 'deliver') {
                const files = filesOf(folders[s.from]!);
                for (let k = 0; k < s.count && files.length; k++)
                  deliver(
                    folders[s.from]!,
                    folders[s.to]!,
                    files[(s.pick + k * 7) % files.length]!,
                  );
              } else {
                // A segment applied twice: forget that it was applied.
                const applied = dbs[s.replica]!.prepare<[], { device_id: string; n: number }>(
                  'SELECT device_id, n FROM sync_applied ORDER BY device_id, n',
                ).all();
                const seg = choose(applied, s.pick);
                if (seg)
                  dbs[s.replica]!.prepare(
                    'DELETE FROM sync_applied WHERE device_id = ? AND n = ?',
                  ).run(seg.device_id, seg.n);
              }
            }
            // Everything delivered everywhere, synced until nothing moves.
            for (let round = 0; ; round++) {
              expect(round).toBeLessThan(12);
              // Deliver first: a round that copies a file is a round where something moved.
              let moved = 0;
              for (let i = 0; i < 3; i++)
                for (let j = 0; j < 3; j++)
                  if (i !== j)
                    for (const f of filesOf(folders[i]!))
                      if (deliver(folders[i]!, folders[j]!, f)) moved++;
              for (let i = 0; i < 3; i++) {
                const r = syncClean(dbs[i]!);
                moved += r.sent + r.applied;
              }
              if (!moved) break;
            }
            const first = libraryContents(dbs[0]!);
            const firstSearch = searchContents(dbs[0]!);
            expect(firstSearch.problems).toEqual([]);
            for (const db of dbs.slice(1)) {
              expect(libraryContents(db)).toEqual(first);
              expect(searchContents(db)).toEqual(firstSearch);
            }
            for (const db of dbs)
              expect(db.prepare('SELECT count(*) FROM sync_parked').pluck().get()).toBe(0);
          } finally {
            for (const db of dbs) {
              db.close();
              open.splice(open.indexOf(db), 1);
            }
            rmSync(run, { recursive: true, force: true });
          }
        }),
        {
          numRuns: RUNS,
          // Replays a failure: SYNC_SEED and SYNC_PATH from its report.
          ...(process.env.SYNC_SEED
            ? {
                seed: Number(process.env.SYNC_SEED),
                path: process.env.SYNC_PATH,
                endOnFailure: true,
              }
            : {}),
        },
      );
    },
    // Runs take seconds each on a loaded machine: the budget grows with SYNC_RUNS.
    Math.max(600_000, RUNS * 6_000),
  );
});
