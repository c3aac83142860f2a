import type { ImportResult, ReanchorReport } from '../../../electron/model/articles';
import { titleOrUntitled } from '../../../electron/model/titles';

/** What an import said about files that changed since their article was imported from them. */
export type SourceUpdateNotice =
  | { kind: 'offer'; id: string; title: string }
  | { kind: 'updated'; id: string; title: string; report: ReanchorReport };

export function sourceUpdateNotices(results: readonly ImportResult[]): SourceUpdateNotice[] {
  const notices: SourceUpdateNotice[] = [];
  for (const result of results) {
    if (!result.ok || result.newVersion === undefined) continue;
    const { id, title } = result.article;
    notices.push(
      result.newVersion === 'available'
        ? { kind: 'offer', id, title }
        : { kind: 'updated', id, title, report: result.newVersion },
    );
  }
  return notices;
}

/** The offer's toast text. */
export function changedSourceText(title: string): string {
  return `“${titleOrUntitled(title)}” changed since it was imported.`;
}

/**
 * Whether an article's source is a file path it can be updated from (not a URL). The same rule
 * as the library's `updateFromSource`: anything with a scheme and "//" is a URL.
 */
export function isFileSource(source: string | null): source is string {
  return source !== null && source !== '' && !/^[a-z][a-z0-9+.-]*:\/\//i.test(source);
}
