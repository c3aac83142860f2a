import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { bodyToText } from '../../model/body';
import { MAX_IMPORT_FILE_BYTES, MAX_TEXT_IMPORT_BYTES, checkImportSize, parseDocument } from '.';
import { failure } from '../../test/failure';
import { makePdf, textLines } from './pdf/fixtures';

const MB = 1024 * 1024;

describe('import size limits', () => {
  it('refuses a text file over the text limit once its format is known, naming both limits', async () => {
    const text = new TextEncoder().encode(
      'A line of prose that repeats.\n'.repeat(Math.ceil((MAX_TEXT_IMPORT_BYTES + MB) / 30)),
    );
    expect(text.byteLength).toBeGreaterThan(MAX_TEXT_IMPORT_BYTES);
    const error = await failure(() => parseDocument(text, 'dump.txt'));
    expect(error.code).toBe('too_large');
    expect(error.message).toMatch(
      /^dump\.txt: 21\.\d MB is over the 20\.0 MB limit for text, Markdown and HTML files \(PDF, EPUB and DOCX files may be up to 200\.0 MB\)$/,
    );
  });

  it('imports a PDF larger than the text limit (its bulk is an attachment, not text)', async () => {
    const small = await makePdf({
      title: 'Field report',
      pages: [textLines(['The survey found three wells still in use.'], 700)],
    });
    const doc = await PDFDocument.load(small);
    // Random bytes: incompressible, like the images that make real PDFs large.
    const blob = new Uint8Array(MAX_TEXT_IMPORT_BYTES + 2 * MB);
    for (let i = 0; i < blob.length; i += 65536)
      crypto.getRandomValues(blob.subarray(i, Math.min(blob.length, i + 65536)));
    await doc.attach(blob, 'photos.bin', { mimeType: 'application/octet-stream' });
    const pdf = await doc.save({ useObjectStreams: false });
    expect(pdf.byteLength).toBeGreaterThan(MAX_TEXT_IMPORT_BYTES);
    const parsed = await parseDocument(pdf, 'report.pdf');
    expect(parsed.format).toBe('pdf');
    expect(bodyToText(parsed.body)).toContain('three wells');
  });

  it('refuses any file over the file limit before reading it, and an empty one', () => {
    expect(() => checkImportSize(MAX_IMPORT_FILE_BYTES + 1, 'scan.pdf')).toThrow(
      /^scan\.pdf: 200\.0 MB is over the 200\.0 MB limit for imported files$/,
    );
    expect(() => checkImportSize(MAX_IMPORT_FILE_BYTES, 'scan.pdf')).not.toThrow();
    expect(() => checkImportSize(0, 'empty.pdf')).toThrow('empty.pdf: the file is empty');
  });
});
