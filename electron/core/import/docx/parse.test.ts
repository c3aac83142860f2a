import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { bodyToText } from '../../../model/body';
import { makeZip, makeZipBomb } from '../zip/fixtures';
import { parseDocx } from './parse';
import { failure } from '../../../test/failure';

/** A 1×1 PNG (the smallest valid one), as a Word document would embed a figure. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function report(): Promise<Uint8Array> {
  const doc = new Document({
    title: 'Harbour Survey 2024',
    creator: 'Ada Marsh; Lovelace, Ben',
    description: 'Yearly survey of the harbour walls',
    keywords: 'harbours, tides',
    footnotes: { 1: { children: [new Paragraph('Measured at low tide.')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: 'Harbour Survey 2024', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('The north wall has moved '),
              new TextRun({ text: 'four centimetres', bold: true }),
              new FootnoteReferenceRun(1),
              new TextRun('.'),
            ],
          }),
          new Paragraph({ text: 'Findings', heading: HeadingLevel.HEADING_2 }),
          new Paragraph({ text: 'Cracks near the lighthouse', bullet: { level: 0 } }),
          new Paragraph({ text: 'Silt in the inner basin', bullet: { level: 0 } }),
          new Paragraph({
            children: [
              new ImageRun({
                type: 'png',
                data: PNG,
                transformation: { width: 10, height: 10 },
                altText: { name: 'fig', description: 'Map of the harbour', title: 'Map' },
              }),
            ],
          }),
          new Table({
            rows: [
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('Wall')] }),
                  new TableCell({ children: [new Paragraph('Shift')] }),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ children: [new Paragraph('North')] }),
                  new TableCell({ children: [new Paragraph('4 cm')] }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe('parseDocx', () => {
  it('reads metadata, headings, lists, tables and footnotes', async () => {
    const a = await parseDocx(await report(), 'survey.docx');
    expect(a.format).toBe('docx');
    expect(a.title).toBe('Harbour Survey 2024');
    expect(a.byline).toBe('Ada Marsh; Lovelace, Ben');
    // The citation's authors: a list, one per name Word joined with ";".
    expect(a.meta?.author).toEqual([
      { family: 'Marsh', given: 'Ada' },
      { family: 'Lovelace', given: 'Ben' },
    ]);
    expect(a.excerpt).toBe('Yearly survey of the harbour walls');
    expect(a.tags).toEqual(['harbours', 'tides']);
    expect(a.published).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const text = bodyToText(a.body);
    // The title heading is not repeated in the body.
    expect(a.body.blocks[0]).toMatchObject({ type: 'paragraph' });
    expect(text).toContain('The north wall has moved four centimetres[1].');
    expect(a.body.blocks).toContainEqual({
      type: 'heading',
      level: 2,
      content: [{ text: 'Findings' }],
    });
    expect(a.body.blocks).toContainEqual({
      type: 'list',
      ordered: false,
      items: [[{ text: 'Cracks near the lighthouse' }], [{ text: 'Silt in the inner basin' }]],
    });
    expect(text).toContain('Wall | Shift');
    expect(text).toContain('North | 4 cm');
    expect(text).toContain('Measured at low tide.');
    expect(text).not.toContain('↑');
    expect(JSON.stringify(a.body)).toContain('"bold"');
  });

  it('says what is wrong with a ZIP that is not a Word document, and with a damaged one', async () => {
    const notWord = await failure(() =>
      parseDocx(makeZip({ 'content.xml': '<x/>' }), 'report.docx'),
    );
    expect(notWord.message).toBe(
      'report.docx: is a ZIP file but not a Word document (it has no word/document.xml)',
    );
    const bytes = await report();
    const cut = await failure(() => parseDocx(bytes.subarray(0, bytes.length - 100), 'cut.docx'));
    expect(cut.message).toMatch(/^cut\.docx: is not a valid ZIP container/);
    const garbage = await failure(() =>
      parseDocx(makeZip({ 'word/document.xml': '<w:document><unclosed>' }), 'bad.docx'),
    );
    expect(garbage.code).toBe('parse_error');
    expect(garbage.message).toMatch(/^bad\.docx: the Word document could not be read/);
  });

  it('refuses a ZIP bomb disguised as a Word document before mammoth sees it', async () => {
    const bomb = makeZipBomb({
      name: 'word/document.xml',
      mebibytes: 128,
      declaredSize: 2000,
      before: { '[Content_Types].xml': '<Types/>' },
    });
    const error = await failure(() => parseDocx(bomb, 'invoice.docx'));
    expect(error.code).toBe('too_large');
    // 2 KB of declared XML in a 130 KB file: the limit proportional to the file's size stops it first.
    expect(error.message).toMatch(
      /^invoice\.docx: refused as a possible ZIP bomb \(its entries inflate past \d+ bytes, 100 times the file's size\)$/,
    );
  });
});
