/**
 * A line of a PDF page as `layout.ts` assembles it from pdf.js's text runs. Its own module so the
 * steps layout calls (figures) can read lines without importing layout back.
 */
export interface PdfLine {
  text: string;
  x: number;
  /** x where the line ends. */
  right: number;
  y: number;
  size: number;
  /** Every run of the line is monospace. */
  mono?: boolean;
}
