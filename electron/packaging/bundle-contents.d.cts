// Types for bundle-contents.cjs.
export const REQUIRED: string[];
export function contentProblems(entries: string[], dependencies: string[]): string[];
export function fuseProblems(
  wire: Record<number, number>,
  fuses: Record<string, boolean>,
): string[];
export function parseDesktopEntry(text: string): Record<string, string>;
export function desktopEntryProblems(
  text: string,
  want: {
    schemes: string[];
    mimeTypes: string[];
    category: string;
    desktopName: string;
    productName: string;
  },
): string[];
