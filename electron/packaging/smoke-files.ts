/**
 * One small file of every format the app imports, for dist:check to import with the CLI that runs
 * from the packed app.asar: proof that the trimmed bundle's parsers (pdf.js, mammoth, jsdom,
 * Readability, marked, fflate…) still load and work. Built with the test fixtures' own helpers.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { makeEpub, xhtml } from '../core/import/epub/fixtures';
import { makePdf, textLines } from '../core/import/pdf/fixtures';

/** Writes the files into `dir`; returns file name → a phrase its article's text must contain. */
export async function writeSmokeFiles(dir: string): Promise<Record<string, string>> {
  const phrase = (format: string) => `Packaged ${format} import works`;
  const files: Record<string, Uint8Array | string> = {
    'smoke.pdf': await makePdf({ title: 'Smoke PDF', pages: [textLines([phrase('PDF')], 700)] }),
    'smoke.epub': makeEpub({
      metadata:
        '<dc:title>Smoke EPUB</dc:title><dc:identifier id="uid">smoke</dc:identifier><dc:language>en</dc:language>',
      chapters: [
        { id: 'c1', href: 'c1.xhtml', xhtml: xhtml(`<h1>Chapter</h1><p>${phrase('EPUB')}.</p>`) },
      ],
    }),
    'smoke.docx': await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph(`${phrase('DOCX')}.`)] }] }),
    ),
    'smoke.html': `<!doctype html><html><head><title>Smoke HTML</title></head><body><article><h1>Smoke HTML</h1><p>${phrase('HTML')}, with enough words around it for the reader view to keep this paragraph as the article's body text.</p></article></body></html>`,
    'smoke.md': `---\ntitle: Smoke Markdown\n---\n\n# Smoke\n\n${phrase('Markdown')}.\n`,
    'smoke.txt': `${phrase('text')}.\n`,
  };
  const expected: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(files)) {
    writeFileSync(join(dir, name), bytes);
    expected[name] = phrase(
      { pdf: 'PDF', epub: 'EPUB', docx: 'DOCX', html: 'HTML', md: 'Markdown', txt: 'text' }[
        name.split('.')[1]!
      ]!,
    );
  }
  return expected;
}
