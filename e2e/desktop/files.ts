/** Files for the desktop specs, made cheaply: big ones are sparse (their padding is a hole on disk). */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A valid PDF with one page of text and `paddingBytes` of zeros in an unused stream (pdf.js
 * follows the cross-reference table, so the padding costs it a read, not a parse).
 */
export function writePdf(
  path: string,
  { title, text, paddingBytes }: { title: string; text: string; paddingBytes: number },
): void {
  const content = `BT /F1 14 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Title (${title}) >>`,
  ];
  const fd = openSync(path, 'w');
  let at = 0;
  const put = (s: string) => {
    at += writeSync(fd, Buffer.from(s, 'latin1'), 0, Buffer.byteLength(s, 'latin1'), at);
  };
  try {
    put('%PDF-1.4\n');
    const offsets: number[] = [];
    objects.forEach((body, i) => {
      offsets.push(at);
      put(`${i + 1} 0 obj\n${body}\nendobj\n`);
    });
    // The padding: object 7, a stream nothing refers to, its bytes left as a hole.
    offsets.push(at);
    put(`7 0 obj\n<< /Length ${paddingBytes} >>\nstream\n`);
    at += paddingBytes;
    put('\nendstream\nendobj\n');
    const xref = at;
    put(
      `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`,
    );
    put(
      `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    );
  } finally {
    closeSync(fd);
  }
}

/** A folder of `count` tiny Markdown files (`Folder note N`). */
export function writeNotesFolder(dir: string, count: number): void {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++)
    writeSyncFile(
      join(dir, `note-${String(i).padStart(4, '0')}.md`),
      `# Folder note ${i}\n\nA few words in note ${i}.\n`,
    );
}

function writeSyncFile(path: string, text: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}
