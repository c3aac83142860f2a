import type { ImportResult } from '../../../electron/model/articles';

export interface ImportSummary {
  imported: number;
  duplicates: number;
  failures: { file: string; message: string }[];
  /** What imports noticed but went past (a PDF without text, invalid front matter), each naming its file. */
  warnings: string[];
  /** The article to open: the first newly imported one, else the first already in the library. */
  openId: string | null;
}

export function summarizeImport(results: readonly ImportResult[]): ImportSummary {
  const summary: ImportSummary = {
    imported: 0,
    duplicates: 0,
    failures: [],
    warnings: [],
    openId: null,
  };
  let firstDuplicate: string | null = null;
  for (const result of results) {
    if (!result.ok) {
      summary.failures.push({ file: result.file, message: result.error.message });
    } else if (result.duplicate) {
      summary.duplicates++;
      firstDuplicate ??= result.article.id;
    } else {
      summary.imported++;
      summary.openId ??= result.article.id;
    }
    if (result.ok) summary.warnings.push(...(result.warnings ?? []));
  }
  summary.openId ??= firstDuplicate;
  return summary;
}

/** "N imported, M already in library", or null when nothing made it into the library. */
export function successText(summary: ImportSummary): string | null {
  if (summary.imported + summary.duplicates === 0) return null;
  return `${summary.imported} imported, ${summary.duplicates} already in library`;
}

/** "Couldn't import notes.pdf: reason" (library messages already start "notes.pdf: …"). */
export function failureText(failure: { file: string; message: string }): string {
  const prefix = `${failure.file}: `;
  const reason = failure.message.startsWith(prefix)
    ? failure.message.slice(prefix.length)
    : failure.message;
  return `Couldn't import ${failure.file}: ${reason}`;
}
