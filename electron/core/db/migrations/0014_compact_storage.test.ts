import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { bodyToText, type Body } from '../../../model/body';
import { useTempDir } from '../../../test/temp';
import { unpackBody } from '../../articles/bodyStore';
import { ODD_BODY } from '../../../test/oddBody';
import { importDocument } from '../../articles/import';
import { getOriginal } from '../../articles/originals';
import { getArticle } from '../../articles/repo';
import { makeEpub, xhtml } from '../../import/epub/fixtures';
import { checkSearchIndexes } from '../../search/rebuild';
import { search } from '../../search/search';
import { schemaVersion } from '../migrate';
import { openDatabase } from '../open';
import { compactStorage } from './0014_compact_storage';

const tempDir = useTempDir();
const FIXTURES = join(__dirname, '../../import/fixtures');

/** Markdown with every block kind and text whose code units and characters differ. */
const ODD_MARKDOWN = `# Ünïcode 🇰🇷 heading

Surrogates 𝔘𝔫𝔦 and 😀, *combining é ñ* and **ZWJ 👩‍👩‍👧‍👦 🧑🏽‍🚀** [a link](https://example.org/x).

> 北京の天気、朝鮮語 평양 and Ελληνικά

1. one 1️⃣
2. two

- loose
- list

\`\`\`
const s = 1;

// a blank line above
\`\`\`
`;

async function docx(): Promise<Uint8Array> {
  const doc = new Document({
    title: 'Harbour Survey',
    sections: [
      {
        children: [
          new Paragraph({ text: 'Harbour Survey', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [new TextRun('The wall moved '), new TextRun({ text: '4 cm', bold: true })],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** One file of every import format: real text in many scripts and encodings, a real PDF. */
async function corpus(): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  const dir = (d: string) =>
    readdirSync(join(FIXTURES, d)).map((f) => ({
      fileName: f,
      bytes: new Uint8Array(readFileSync(join(FIXTURES, d, f))),
    }));
  return [
    ...dir('text'),
    ...dir('markdown'),
    ...dir('html'),
    ...['maint-guide.de.pdf', 'commander-Readme.md', 'maint-guide-start.fr.html'].map((f) => ({
      fileName: f,
      bytes: new Uint8Array(readFileSync(join(FIXTURES, 'real', f))),
    })),
    { fileName: 'odd.md', bytes: new TextEncoder().encode(ODD_MARKDOWN) },
    {
      fileName: 'tide.epub',
      bytes: makeEpub({
        metadata: '<dc:title>The Long Tide</dc:title><dc:language>en</dc:language>',
        chapters: [
          {
            id: 'c1',
            href: 'one.xhtml',
            xhtml: xhtml('<h1>Crossing</h1><p>The ferry 😀 left.</p>'),
          },
          { id: 'c2', href: 'two.xhtml', xhtml: xhtml('<p>平壤 harbour lights.</p>') },
        ],
      }),
    },
    { fileName: 'survey.docx', bytes: await docx() },
  ];
}

interface Kept {
  id: string;
  text: string;
  body: Body;
  bytes: Buffer;
  mediaType: string;
}

describe('migration 14 (text stored once, text originals compressed)', () => {
  it('stores every body without its text and compresses text originals, all read back exactly', async () => {
    // Real imports, made by today's importers, written as version 10 stored them.
    const made = openDatabase(join(tempDir(), 'made.sqlite'));
    const kept: Kept[] = [];
    for (const file of await corpus()) {
      const { article } = await importDocument(made, file);
      const a = getArticle(made, article.id);
      const o = getOriginal(made, article.id);
      expect(o.bytes.equals(Buffer.from(file.bytes)), file.fileName).toBe(true);
      kept.push({ id: a.id, text: a.text, body: a.body, bytes: o.bytes, mediaType: o.mediaType });
    }
    expect(new Set(kept.map((k) => k.mediaType)).size).toBe(6);
    const file = join(tempDir(), 'lib.sqlite');
    const v10 = openDatabase(file, { targetVersion: compactStorage.version - 1 });
    const cols = (t: string) =>
      (v10.prepare(`SELECT name FROM pragma_table_info('${t}')`).pluck().all() as string[]).join(
        ', ',
      );
    const origCols = cols('originals');
    const artCols = cols('articles');
    for (const k of kept) {
      const o = made
        .prepare('SELECT * FROM originals o WHERE hash = (SELECT hash FROM articles WHERE id = ?)')
        .get(k.id) as Record<string, unknown>;
      v10
        .prepare(
          `INSERT INTO originals (${origCols}) VALUES (${origCols.replace(/\w+/g, (c) => `@${c}`)})`,
        )
        .run({ ...o, bytes: k.bytes });
      const a = made.prepare('SELECT * FROM articles WHERE id = ?').get(k.id) as Record<
        string,
        unknown
      >;
      v10
        .prepare(
          `INSERT INTO articles (${artCols}) VALUES (${artCols.replace(/\w+/g, (c) => `@${c}`)})`,
        )
        .run({ ...a, body: JSON.stringify(k.body) });
    }
    made.close();
    // A row whose text is not its body's (a library made elsewhere), and an original whose key
    // is not its bytes' sha256: both stay exactly as they were.
    const oddBody = JSON.stringify(ODD_BODY);
    v10.exec(`INSERT INTO originals (hash, bytes, size, media_type, file_name, created_at) VALUES ('not-a-sha', CAST('${'x'.repeat(500)}' AS BLOB), 500, 'text/plain', 'x.txt', 't');
      INSERT INTO articles (id, title, format, hash, text, body, created_at, updated_at) VALUES ('01900000-0000-7000-8000-000000001101', 'Odd', 'text', 'not-a-sha', 'a different text', '${oddBody.replaceAll("'", "''")}', 't', 't');`);
    const changes = v10.prepare('SELECT count(*) FROM changes').pluck().get();
    const before = search(v10, 'harbour', { limit: 50 })
      .hits.map((h) => h.id)
      .sort();
    expect(before.length).toBeGreaterThan(1);
    v10.close();

    // Opened by today's code, which reads only the newest schema: later migrations keep what this one did.
    const db = openDatabase(file);
    let zlibRows = 0;
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(compactStorage.version);
    for (const k of kept) {
      const a = getArticle(db, k.id);
      expect(a.body, k.id).toEqual(k.body);
      expect(bodyToText(a.body)).toBe(k.text);
      expect(getOriginal(db, k.id).bytes.equals(k.bytes), k.id).toBe(true);
      const row = db
        .prepare(
          'SELECT a.body, o.encoding FROM articles a JOIN originals o ON o.hash = a.hash WHERE a.id = ?',
        )
        .get(k.id) as { body: string; encoding: string };
      expect(JSON.parse(row.body).v, k.id).toBe(2);
      expect(unpackBody(row.body, k.text, k.id)).toEqual(k.body);
      // Text formats compressed (when that saves a tenth); PDF, EPUB and DOCX are compressed inside already.
      const pays = deflateSync(k.bytes).length <= k.bytes.length * 0.9;
      expect(row.encoding, k.mediaType).toBe(
        k.mediaType.startsWith('text/') && pays ? 'zlib' : 'identity',
      );
      if (row.encoding === 'zlib') zlibRows++;
    }
    expect(zlibRows).toBeGreaterThan(kept.length / 2);
    const odd = db
      .prepare(
        "SELECT a.body, o.encoding, o.bytes FROM articles a JOIN originals o ON o.hash = a.hash WHERE a.hash = 'not-a-sha'",
      )
      .get() as { body: string; encoding: string; bytes: Buffer };
    expect(odd).toEqual({
      body: oddBody,
      encoding: 'identity',
      bytes: Buffer.from('x'.repeat(500)),
    });
    // No article re-indexed or reported as changed; every search index still in step.
    expect(db.prepare('SELECT count(*) FROM changes').pluck().get()).toBe(changes);
    expect(checkSearchIndexes(db)).toEqual([]);
    expect(
      search(db, 'harbour', { limit: 50 })
        .hits.map((h) => h.id)
        .sort(),
    ).toEqual(before);
    db.close();
  });
});
