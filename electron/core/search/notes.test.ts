import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { newId } from '../ids';
import { deleteTag, ensureTags, mergeTags, renameTag } from '../tags/repo';
import { checkSearchIndexes, rebuildSearchIndexes } from './rebuild';
import { search } from './search';
import { addArticle, addPassage, openSearchLibrary } from './test-library';

const tempDir = useTempDir();

/** A note written as the notes table stores it (the notes repository derives `text` from `doc`). */
function addNote(
  db: Database,
  n: { title: string; text: string; tags?: string[]; createdAt?: string },
): string {
  const id = newId();
  const at = n.createdAt ?? new Date().toISOString();
  db.prepare(
    'INSERT INTO notes (id, title, doc, text, word_count, created_at, updated_at) VALUES (?, ?, ?, ?, 0, ?, ?)',
  ).run(id, n.title, '{}', n.text, at, at);
  for (const tagId of ensureTags(db, n.tags ?? []))
    db.prepare('INSERT INTO note_tags (note_id, tag_id, created_at) VALUES (?, ?, ?)').run(
      id,
      tagId,
      at,
    );
  return id;
}

const ids = (db: Database, q: string) => search(db, q, { limit: 200 }).hits.map((h) => h.id);
const marked = (snippet: string) =>
  [...snippet.matchAll(/\u0002([^\u0003]*)\u0003/g)].map((m) => m[1]!);

describe('notes in search', () => {
  it('finds notes by title, text and tags, ranks a title hit first, and counts them', () => {
    const db = openSearchLibrary(tempDir());
    const inTitle = addNote(db, {
      title: 'Permafrost questions',
      text: 'Ask the field team about soil samples.',
    });
    const inText = addNote(db, {
      title: 'Reading list',
      text: 'Permafrost thaw releases methane; permafrost covers a quarter of the north.',
    });
    const article = addArticle(db, {
      title: 'Arctic fieldwork',
      body: 'Permafrost covers a quarter of the northern hemisphere.',
    });
    const r = search(db, 'permafrost');
    expect(r.counts).toEqual({ article: 1, passage: 0, note: 2 });
    expect(r.total).toBe(3);
    const notes = search(db, 'permafrost', { kind: 'note' });
    expect(notes.hits.map((h) => h.id)).toEqual([inTitle, inText]);
    const hit = notes.hits[1]!;
    expect(hit).not.toHaveProperty('articleId');
    expect(hit.kind).toBe('note');
    expect(hit.title).toBe('Reading list');
    expect(marked(hit.snippet)).toEqual(['Permafrost', 'permafrost']);
    expect(ids(db, 'permafrost kind:article')).toEqual([article]);
    expect(ids(db, 'permafrost -kind:note')).toEqual([article]);
    expect(ids(db, 'kind:note samples')).toEqual([inTitle]);
    db.close();
  });

  it('tag: filters notes by their own tags, and tag names are searchable', () => {
    const db = openSearchLibrary(tempDir());
    const tagged = addNote(db, {
      title: 'Carbon pricing',
      text: 'Compare the levy with the tax.',
      tags: ['Climate Policy'],
    });
    const untagged = addNote(db, { title: 'Carbon accounting', text: 'Scope 3 is hard.' });
    const article = addArticle(db, {
      title: 'A carbon tax',
      body: 'The carbon tax passed.',
      tags: ['climate policy'],
    });
    expect(new Set(ids(db, 'carbon tag:"climate policy"'))).toEqual(new Set([tagged, article]));
    expect(ids(db, 'carbon -tag:"climate policy" kind:note')).toEqual([untagged]);
    expect(ids(db, 'tag:"CLIMATE POLICY" kind:note')).toEqual([tagged]); // filters only
    expect(ids(db, 'policy kind:note')).toEqual([tagged]); // the tag's name is text of the note
    const [hit] = search(db, 'policy kind:note').hits;
    expect(hit?.matchedTags).toEqual(['Climate \u0002Policy\u0003']); // shown as the reason
    expect(search(db, 'levy kind:note').hits[0]?.matchedTags).toBeUndefined();
    db.close();
  });

  it('site: and lang: leave notes out (a note has neither); before:/after: use the day it was made', () => {
    const db = openSearchLibrary(tempDir());
    const old = addNote(db, {
      title: 'Harbour',
      text: 'ferries',
      createdAt: '2021-03-01T10:00:00.000Z',
    });
    const recent = addNote(db, {
      title: 'Harbour again',
      text: 'ferries',
      createdAt: '2025-03-01T10:00:00.000Z',
    });
    expect(ids(db, 'ferries site:example.com')).toEqual([]);
    expect(ids(db, 'ferries lang:en')).toEqual([]);
    expect(new Set(ids(db, 'ferries -site:example.com'))).toEqual(new Set([old, recent]));
    expect(ids(db, 'ferries before:2022')).toEqual([old]);
    expect(ids(db, 'ferries after:2024-12-31')).toEqual([recent]);
    db.close();
  });

  it('finds CJK text in notes by substring, down to one character', () => {
    const db = openSearchLibrary(tempDir());
    const zh = addNote(db, { title: '访问笔记', text: '普京抵达平壤，开始国事访问。' });
    const ko = addNote(db, { title: '메모', text: '푸틴 대통령이 평양에 도착했다.' });
    expect(ids(db, '国事访问')).toEqual([zh]);
    expect(ids(db, '平壤')).toEqual([zh]);
    expect(ids(db, '访')).toEqual([zh]); // in the title and the text
    expect(ids(db, '평양')).toEqual([ko]);
    const hit = search(db, '평양').hits[0]!;
    expect(marked(hit.snippet)).toEqual(['평양']);
    db.close();
  });

  it('keeps the note indexes current through edits, deletes, restores and tag changes', () => {
    const db = openSearchLibrary(tempDir());
    const id = addNote(db, {
      title: 'Tide tables',
      text: 'Spring tides at the estuary.',
      tags: ['coast'],
    });
    const other = addNote(db, { title: 'Other', text: 'Unrelated words.', tags: ['coast'] });
    const update = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args);

    update('UPDATE notes SET text = ? WHERE id = ?', 'Neap tides and 潮汐 at the estuary.', id);
    expect(ids(db, 'spring')).toEqual([]);
    expect(ids(db, 'neap')).toEqual([id]);
    expect(ids(db, '潮汐')).toEqual([id]); // entered the trigram index
    update('UPDATE notes SET title = ? WHERE id = ?', 'Estuary log', id);
    expect(ids(db, 'tables')).toEqual([]);
    expect(ids(db, 'log')).toEqual([id]);

    update('UPDATE notes SET deleted_at = ? WHERE id = ?', new Date().toISOString(), id);
    expect(ids(db, 'estuary')).toEqual([]);
    expect(ids(db, '潮汐')).toEqual([]);
    update('UPDATE notes SET deleted_at = NULL WHERE id = ?', id);
    expect(ids(db, 'estuary')).toEqual([id]);

    renameTag(db, 'coast', 'shoreline');
    expect(new Set(ids(db, 'tag:shoreline'))).toEqual(new Set([id, other]));
    expect(ids(db, 'coast')).toEqual([]);
    expect(new Set(ids(db, 'shoreline'))).toEqual(new Set([id, other]));
    ensureTags(db, ['sea']);
    mergeTags(db, 'shoreline', 'sea'); // the notes move to "sea", and "shoreline" goes
    expect(ids(db, 'shoreline')).toEqual([]);
    expect(new Set(ids(db, 'tag:sea'))).toEqual(new Set([id, other]));
    expect(checkSearchIndexes(db)).toEqual([]);
    db.prepare('DELETE FROM note_tags WHERE note_id = ?').run(other);
    expect(ids(db, 'tag:sea')).toEqual([id]);
    deleteTag(db, 'sea'); // note_tags go by ON DELETE CASCADE
    expect(ids(db, 'tag:sea')).toEqual([]);
    expect(ids(db, 'sea')).toEqual([]);

    db.prepare('DELETE FROM notes WHERE id = ?').run(other);
    expect(ids(db, 'unrelated')).toEqual([]);
    expect(checkSearchIndexes(db)).toEqual([]);
    db.close();
  });

  it('reindex repairs damaged note indexes, and the check names them', () => {
    const db = openSearchLibrary(tempDir());
    const id = addNote(db, { title: 'Glacier survey', text: '冰川 measurements' });
    const a = addArticle(db, { title: 'Ice', body: 'Glacier retreat.' });
    addPassage(db, a, 'Glacier retreat');
    db.exec('DELETE FROM notes_fts; DELETE FROM notes_cjk;');
    db.prepare(
      "INSERT INTO notes_fts (rowid, title, text, tags) VALUES (999, 'ghost', 'ghost', '')",
    ).run();
    const problems = checkSearchIndexes(db);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^notes_fts: 1 live note/),
        expect.stringMatching(/^notes_fts: 1 row\(s\) for deleted/),
        expect.stringMatching(/^notes_cjk: 1 live note/),
      ]),
    );
    rebuildSearchIndexes(db);
    expect(checkSearchIndexes(db)).toEqual([]);
    expect(ids(db, 'glacier kind:note')).toEqual([id]);
    expect(ids(db, '冰川')).toEqual([id]);
    expect(ids(db, 'ghost')).toEqual([]);
    db.close();
  });
});
