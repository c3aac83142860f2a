/**
 * A generated scanned PDF for the OCR tests: each page's lines are drawn as pixels (Liberation
 * Sans from pdfjs-dist's standard fonts, so no system font is needed) and embedded as one
 * greyscale image per page, with no text layer, exactly as a scanner writes it.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createCanvas, GlobalFonts } from '@napi-rs/canvas';
import { zlibSync } from 'fflate';

const req = createRequire(__filename);
const FONT = join(
  dirname(req.resolve('pdfjs-dist/package.json')),
  'standard_fonts',
  'LiberationSans-Regular.ttf',
);
let registered = false;

/** 200 dpi on a US Letter page, as an office scanner sets it. */
const DPI = 200;
const PAGE_W = 612;
const PAGE_H = 792;

function renderPage(lines: readonly string[]): { width: number; height: number; grey: Uint8Array } {
  if (!registered) registered = GlobalFonts.registerFromPath(FONT, 'ScanSans') !== null;
  const width = Math.round((PAGE_W / 72) * DPI);
  const height = Math.round((PAGE_H / 72) * DPI);
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#000';
  g.font = '34px ScanSans';
  lines.forEach((line, i) => g.fillText(line, 150, 250 + i * 52));
  const rgba = g.getImageData(0, 0, width, height).data;
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i++) grey[i] = rgba[i * 4] ?? 255;
  return { width, height, grey };
}

export function scannedPdf(pages: readonly (readonly string[])[]): Uint8Array {
  const chunks: (string | Uint8Array)[] = ['%PDF-1.4\n%\u00e2\u00e3\n'];
  const objects: (string | Uint8Array)[][] = [];
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  objects.push(['<< /Type /Catalog /Pages 2 0 R >>']);
  objects.push([`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`]);
  pages.forEach((lines, i) => {
    const pageId = 3 + i * 3;
    const image = renderPage(lines);
    const data = zlibSync(image.grey);
    const draw = `q ${PAGE_W} 0 0 ${PAGE_H} 0 0 cm /Im0 Do Q`;
    objects.push([
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Contents ${pageId + 1} 0 R /Resources << /XObject << /Im0 ${pageId + 2} 0 R >> >> >>`,
    ]);
    objects.push([`<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`]);
    objects.push([
      `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${data.length} >>\nstream\n`,
      data,
      '\nendstream',
    ]);
  });
  const bytes = (part: string | Uint8Array): Uint8Array =>
    typeof part === 'string' ? Uint8Array.from(part, (c) => c.charCodeAt(0) & 0xff) : part;
  let length = 0;
  const out: Uint8Array[] = [];
  const push = (part: string | Uint8Array): void => {
    const b = bytes(part);
    out.push(b);
    length += b.length;
  };
  push(chunks[0] as string);
  const offsets: number[] = [];
  objects.forEach((parts, i) => {
    offsets.push(length);
    push(`${i + 1} 0 obj\n`);
    parts.forEach(push);
    push('\nendobj\n');
  });
  const xref = length;
  push(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`);
  for (const o of offsets) push(`${String(o).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  const pdf = new Uint8Array(length);
  let at = 0;
  for (const b of out) {
    pdf.set(b, at);
    at += b.length;
  }
  return pdf;
}
