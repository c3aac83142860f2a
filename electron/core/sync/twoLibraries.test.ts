/**
 * Two real libraries (SQLite files in temp folders) sharing one sync folder, as two machines do
 * once Syncthing (or any folder sync) has delivered each other's files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { updateArticleBody } from '../articles/edit';
import { getArticle } from '../articles/repo';
import { setReadingPlace } from '../articles/state';
import { createLink } from '../links/repo';
import { paragraphNode, rootDoc, textNode } from '../notes/lexicalJson';
import { createNote, getNote, updateNote } from '../notes/repo';
import { deletePassage, getPassage, updatePassage } from '../passages/repo';
import { addArticle, addPassage } from '../search/test-library';
import { setArticleTags } from '../tags/repo';
import { initSync, syncDevices, syncNow, syncStatus } from './engine';
import { libraryContents, searchContents, settle, useReplicas } from './testReplicas';

const { tempDir, library, offlinePair } = useReplicas('commonplace-sync-');

const paragraphs = (...texts: string[]) => rootDoc(texts.map((t) => paragraphNode([textNode(t)])));
const noteText = (db: Database, id: string) => getNote(db, id).text;

describe('two libraries sharing a folder', () => {
  it('sends articles with originals, passages, tags, links and notes; concurrent edits converge', () => {
    const folder = tempDir();
    const a = library(tempDir());
    const b = library(tempDir());

    const article = addArticle(a, {
      title: 'Harbour report',
      body: 'The ferry timetable changed in spring. Tides ruled the harbour.',
      tags: ['shipping'],
    });
    const passage = addPassage(a, article, 'ferry timetable', {
      tags: ['ferries'],
      comment: 'key',
    });
    const note = createNote(a, {
      title: 'Harbour notes',
      doc: paragraphs('First thought.'),
      tags: ['draft'],
    });
    updateNote(a, note.id, {
      doc: rootDoc([
        paragraphNode([textNode('First thought.')]),
        {
          type: 'passage-quote',
          version: 1,
          passageId: passage,
          quote: 'ferry timetable',
          citation: 'H',
        },
      ]),
    });
    const link = createLink(
      a,
      { kind: 'passage', id: passage },
      { kind: 'note', id: note.id },
      'supports',
    );

    initSync(a, { folder, name: 'Laptop' });
    // B had a note of its own before joining: it is merged in, not lost.
    const own = createNote(b, { title: 'Desktop idea', doc: paragraphs('Kept.'), tags: [] });
    const status = initSync(b, { folder, name: 'Desktop' });
    expect(status.libraryId).toBe(syncStatus(a).libraryId);
    settle(a, b);

    expect(getPassage(b, passage).tags).toEqual(['ferries']);
    expect(getPassage(b, passage).comment).toBe('key');
    expect(noteText(b, note.id)).toContain('ferry timetable');
    expect(noteText(a, own.id)).toBe('Kept.');
    expect(b.prepare('SELECT id FROM links WHERE id = ?').pluck().get(link.id)).toBe(link.id);
    // The original file arrived byte for byte (verified by its SHA-256 on the way).
    const bytes = (db: Database) =>
      db
        .prepare(
          'SELECT o.bytes FROM originals o JOIN articles a ON a.hash = o.hash WHERE a.id = ?',
        )
        .pluck()
        .get(article);
    expect(Buffer.compare(bytes(a) as Buffer, bytes(b) as Buffer)).toBe(0);
    // Derived links (the note's quote) exist on B too, derived there.
    expect(
      b
        .prepare("SELECT count(*) FROM links WHERE from_note = ? AND origin = 'quote'")
        .pluck()
        .get(note.id),
    ).toBe(1);
    expect(libraryContents(b)).toEqual(libraryContents(a));
    expect(searchContents(b)).toEqual(searchContents(a));
    expect(searchContents(a).problems).toEqual([]);

    // Both offline: the same passage, tag set, note and article edited on both sides.
    updatePassage(a, passage, { comment: 'from laptop', tags: ['ferries', 'laptop-tag'] });
    updatePassage(b, passage, { color: 'green', tags: ['desktop-tag'] });
    updatePassage(b, passage, { comment: 'from desktop' });
    updateNote(a, note.id, {
      doc: rootDoc([
        paragraphNode([textNode('First thought, revised on the laptop.')]),
        {
          type: 'passage-quote',
          version: 1,
          passageId: passage,
          quote: 'ferry timetable',
          citation: 'H',
        },
      ]),
    });
    updateNote(b, note.id, {
      doc: rootDoc([
        paragraphNode([textNode('First thought.')]),
        {
          type: 'passage-quote',
          version: 1,
          passageId: passage,
          quote: 'ferry timetable',
          citation: 'H',
        },
        paragraphNode([textNode('Desktop addition.')]),
      ]),
    });
    setArticleTags(a, article, ['shipping', 'ports']);
    settle(a, b);

    expect(libraryContents(b)).toEqual(libraryContents(a));
    expect(searchContents(b)).toEqual(searchContents(a));
    const p = getPassage(a, passage);
    expect(p.comment).toBe('from desktop'); // the later edit of the field
    expect(p.color).toBe('green'); // a field only one side changed
    // Tags merge per member: laptop-tag added on A stays, ferries removed on B goes (B's later).
    expect(p.tags.sort()).toEqual(['desktop-tag', 'laptop-tag']);
    // Both offline edits of the note keep their text.
    const merged = noteText(a, note.id);
    expect(merged).toContain('revised on the laptop');
    expect(merged).toContain('Desktop addition.');
    expect(syncStatus(a)).toMatchObject({ outgoing: 0, incoming: 0, parked: 0, problems: [] });
    const devices = syncDevices(a)
      .map((d) => [d.name, d.self])
      .sort();
    expect(devices).toEqual([
      ['Desktop', false],
      ['Laptop', true],
    ]);
  });

  it('Edit text on both devices: the later text wins, the other is kept as a revision, passages re-anchor', () => {
    const folder = tempDir();
    const a = library(tempDir());
    const b = library(tempDir());
    const article = addArticle(a, {
      title: 'Tides',
      body: 'Alpha beta gamma. Delta epsilon zeta.',
    });
    const passage = addPassage(a, article, 'Delta epsilon');
    initSync(a, { folder, name: 'A' });
    initSync(b, { folder, name: 'B' });
    settle(a, b);
    // Bodies as the Edit text dialog sends them: the stored body with its words changed.
    const current = getArticle(a, article).body;
    const edited = (prefix: string) => {
      return JSON.parse(JSON.stringify(current).replace('Alpha', prefix));
    };
    updateArticleBody(a, article, edited('Intro. Alpha'));
    updateArticleBody(b, article, edited('Prologue words. Alpha'));
    settle(a, b);
    expect(libraryContents(b)).toEqual(libraryContents(a));
    const text = a.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(article) as string;
    expect(text).toMatch(/^Prologue words\. Alpha/); // B's edit came later
    const p = getPassage(a, passage);
    expect(text.slice(p.start, p.end)).toBe('Delta epsilon');
    const revisions = (db: Database) =>
      db
        .prepare('SELECT content FROM sync_revisions WHERE article_id = ?')
        .pluck()
        .all(article) as string[];
    expect(revisions(a).some((r) => r.includes('Intro. Alpha'))).toBe(true);
    expect(revisions(b).some((r) => r.includes('Intro. Alpha'))).toBe(true);
  });

  it('a passage made on the old text arrives after the new one: placed again, and that goes out', () => {
    const { a, b, exchange } = offlinePair();
    const article = addArticle(a, {
      title: 'Tides',
      body: 'Alpha beta gamma. Delta epsilon zeta.',
    });
    syncNow(a);
    exchange();
    syncNow(b);
    // Offline: B edits the text, A marks a passage on the text it still has.
    const body = getArticle(b, article).body;
    updateArticleBody(
      b,
      article,
      JSON.parse(JSON.stringify(body).replace('Alpha', 'Intro. Alpha')),
    );
    const passage = addPassage(a, article, 'Delta epsilon');
    expect(syncNow(a).sent).toBe(1);
    expect(syncNow(b).sent).toBe(1);
    exchange();
    // B applies the passage, new to it, and places it on its text: that placement is a change.
    const got = syncNow(b);
    expect(got).toMatchObject({ applied: 1, received: 1, problems: [] });
    expect(got.sent).toBe(1);
    const text = b.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(article) as string;
    const p = getPassage(b, passage);
    expect(text.slice(p.start, p.end)).toBe('Delta epsilon');
    exchange();
    settle(a, b);
    exchange();
    settle(a, b);
    expect(libraryContents(b)).toEqual(libraryContents(a));
  });

  it('the reading place follows Edit text: one made on another device, and one made here', () => {
    const folder = tempDir();
    const a = library(tempDir());
    const b = library(tempDir());
    const article = addArticle(a, {
      title: 'Tides',
      body: 'Alpha beta gamma.\n\nDelta epsilon zeta.\n\nEta theta iota.',
    });
    initSync(a, { folder, name: 'A' });
    initSync(b, { folder, name: 'B' });
    settle(a, b);
    const textOf = (db: Database) =>
      db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(article) as string;
    const readingAt = (db: Database) => {
      const at = db
        .prepare('SELECT reading_offset FROM article_state WHERE article_id = ?')
        .pluck()
        .get(article) as number;
      return textOf(db).slice(at, at + 15);
    };
    const edit = (db: Database, before: string, after: string) =>
      updateArticleBody(
        db,
        article,
        JSON.parse(JSON.stringify(getArticle(db, article).body).replace(before, after)),
      );

    // A corrects the text before where B, offline, is reading: B's place stays on its words.
    edit(a, 'Alpha', 'A much longer opening paragraph. Alpha');
    syncNow(a);
    setReadingPlace(b, article, textOf(b).indexOf('Eta'));
    syncNow(b);
    expect(textOf(b)).toMatch(/^A much longer opening/);
    expect(readingAt(b)).toBe('Eta theta iota.');
    settle(a, b);
    expect(readingAt(a)).toBe('Eta theta iota.');

    // Edit text here, before the place: it follows too, and goes out so.
    edit(a, 'Delta epsilon zeta.', 'Delta.');
    expect(readingAt(a)).toBe('Eta theta iota.');
    settle(a, b);
    expect(readingAt(b)).toBe('Eta theta iota.');
    expect(libraryContents(b)).toEqual(libraryContents(a));
  });

  it('a passage deleted on one device and edited on the other stays reachable with the edit', () => {
    const folder = tempDir();
    const a = library(tempDir());
    const b = library(tempDir());
    const article = addArticle(a, { title: 'Rain', body: 'Monsoon rains reached Kerala early.' });
    const passage = addPassage(a, article, 'reached Kerala');
    initSync(a, { folder, name: 'A' });
    initSync(b, { folder, name: 'B' });
    settle(a, b);
    deletePassage(a, passage);
    updatePassage(b, passage, { comment: 'important' });
    settle(a, b);
    expect(libraryContents(b)).toEqual(libraryContents(a));
    const row = a.prepare('SELECT comment, deleted_at FROM passages WHERE id = ?').get(passage);
    expect(row).toMatchObject({ comment: 'important' });
  });

  it('refuses a folder that belongs to another library', () => {
    const folder = tempDir();
    const a = library(tempDir());
    initSync(a, { folder, name: 'A' });
    const other = library(tempDir());
    const otherFolder = tempDir();
    initSync(other, { folder: otherFolder, name: 'Other' });
    expect(() => initSync(other, { folder, name: 'Other' })).toThrow(/already syncs with/);
    const c = library(tempDir());
    initSync(c, { folder: otherFolder, name: 'C' });
    expect(() => syncNow(c)).not.toThrow();
    // A library that synced elsewhere can't join A's folder (its library id differs).
    const libFile = JSON.parse(readFileSync(join(folder, 'commonplace-library.json'), 'utf8'));
    expect(libFile.libraryId).toBe(syncStatus(a).libraryId);
  });
});
