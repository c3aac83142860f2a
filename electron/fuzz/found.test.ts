/**
 * What the fuzzers found, kept as regression tests: each input (a small hand-made form of the
 * one the fuzzer hit) goes through the import entry point users hit.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { failure } from '../test/failure';
import { openTestLibrary } from '../test/library';
import { useTempDir } from '../test/temp';
import { docxParts, rawPdf, zip } from './importers/containers';
import { libraryJsonSeed } from './importers/jsonSeed';
import { messageProblems } from './importers/probe';

const tempDir = useTempDir();

async function importOne(name: string, bytes: Uint8Array) {
  const t = openTestLibrary(tempDir());
  try {
    const [result] = await t.invoke('articles.importFiles', {
      files: [{ name, dataBase64: Buffer.from(bytes).toString('base64') }],
    });
    const count = t.library.db.prepare('SELECT count(*) AS n FROM articles').get() as { n: number };
    return { result: result!, articles: count.n };
  } finally {
    t.library.close();
  }
}

const PAGE_OBJECTS = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
  '<< /Length 0 >>\nstream\n\nendstream',
];

describe('inputs the importer fuzzer found', () => {
  it('a PDF whose page tree is damaged is refused as unreadable, naming the file (was: an internal error without the file name)', async () => {
    const loops = rawPdf(
      PAGE_OBJECTS.map((o, i) => (i === 1 ? '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>' : o)),
    );
    const notArray = rawPdf(
      PAGE_OBJECTS.map((o, i) => (i === 1 ? '<< /Type /Pages /Kids 4 0 R /Count 1 >>' : o)),
    );
    for (const [name, bytes] of [
      ['loop.pdf', loops],
      ['kids.pdf', notArray],
    ] as const) {
      const { result, articles } = await importOne(name, bytes);
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('parse_error');
      expect(result.error.message).toMatch(
        new RegExp(`^${name.replace('.', '\\.')}: the PDF could not be read \\(`),
      );
      expect(messageProblems(result.error.message, name)).toEqual([]);
      expect(articles).toBe(0);
    }
  });

  it("a Word document whose XML is broken is refused in one line (was: xmldom's position on a second line)", async () => {
    for (const xml of [
      '<w:document>',
      '',
      '<w:document><w:body><w:p>\u0000</w:p></w:body></w:document>',
    ]) {
      const { result, articles } = await importOne('broken.docx', zip(docxParts(xml)));
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.message).toMatch(/^broken\.docx: the Word document could not be read \(/);
      expect(messageProblems(result.error.message, 'broken.docx')).toEqual([]);
      expect(articles).toBe(0);
    }
  });
});

describe('inputs the library JSON fuzzer found', () => {
  async function restore(doc: unknown) {
    const dir = tempDir();
    const file = join(dir, 'fuzzed-library.json');
    writeFileSync(file, JSON.stringify(doc));
    const t = openTestLibrary(dir);
    try {
      const error = await failure(() => t.invoke('library.importJson', { path: file }));
      const rows = t.library.db
        .prepare('SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM tags) AS n')
        .get() as { n: number };
      return { error, rows: rows.n, file };
    } finally {
      t.library.close();
    }
  }

  it("an article whose text is not its body's text is refused (was: restored, so every offset into it was wrong)", async () => {
    for (const text of ['', 'a different text than the body']) {
      const doc = libraryJsonSeed();
      doc.tables.articles[0]!.text = text;
      doc.tables.passages = [];
      doc.tables.passage_tags = [];
      doc.tables.links = [];
      const { error, rows, file } = await restore(doc);
      expect(error.message).toContain(
        `${file} is not a Commonplace library export: tables.articles[0] (id ${doc.tables.articles[0]!.id}).text: is not its body's text`,
      );
      expect(rows).toBe(0);
    }
  });

  it('a row a constraint refuses (a doubled row) is named with the file (was: the row only)', async () => {
    const doc = libraryJsonSeed();
    doc.tables.note_tags.push({ ...doc.tables.note_tags[0]! });
    const { error, rows, file } = await restore(doc);
    expect(error.message).toMatch(
      new RegExp(
        `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: tables\\.note_tags\\[1\\] can't be restored: UNIQUE constraint failed`,
      ),
    );
    expect(messageProblems(error.message, 'fuzzed-library.json')).toEqual([]);
    expect(rows).toBe(0);
  });
});

describe('inputs the API fuzzer found', () => {
  it('an error message quoting a value with a line break stays one line (was: "export \\r\\n: no such export" on two lines)', async () => {
    const t = openTestLibrary(tempDir());
    try {
      const status = await t.dispatch('export.status', { jobId: 'job\r\nx' }, 'http');
      expect(status).toEqual({
        ok: false,
        error: {
          code: 'not_found',
          message: 'export job\\r\\nx: no such export (finished exports are kept 10 minutes)',
        },
      });
      const unknown = await t.dispatch('no.such\nmethod', {}, 'http');
      expect(unknown.ok).toBe(false);
      if (!unknown.ok) expect(unknown.error.message).toBe('unknown API method "no.such\\nmethod"');
    } finally {
      t.library.close();
    }
  });
});
