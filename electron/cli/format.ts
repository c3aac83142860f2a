import type { Article, ArticleSummary, ImportResult } from '../model/articles';
import type { Passage } from '../model/passages';

/** Human-readable CLI output; `--json` output is the API's own shapes. */

export function formatDate(published: string | null): string {
  if (!published) return '';
  return published
    .replace('T', ' ')
    .replace(/:00(\.000)?(Z|[+-]\d\d:\d\d)?$/, '$2')
    .slice(0, 16);
}

export function formatSummaryLine(a: ArticleSummary): string {
  const parts = [a.id, formatDate(a.published).padEnd(16), a.title];
  if (a.byline) parts.push(`— ${a.byline}`);
  return parts.join('  ');
}

export function formatImportLine(r: ImportResult): string {
  if (!r.ok) return `${r.file}: ${stripFilePrefix(r.error.message, r.file)}`;
  if (r.newVersion === 'available')
    return `changed since imported: ${r.file} → ${r.article.id} "${r.article.title}" (run again with --update to update it)`;
  if (r.newVersion) {
    const { unchanged, moved, changed, orphaned } = r.newVersion;
    return `updated: ${r.file} → ${r.article.id} "${r.article.title}" (passages: ${unchanged} in place, ${moved} moved, ${changed} changed, ${orphaned} orphaned)`;
  }
  return `${r.duplicate ? 'already in library' : 'imported'}: ${r.file} → ${r.article.id} "${r.article.title}"`;
}

/** Error messages already start with the file name; avoid printing it twice. */
function stripFilePrefix(message: string, file: string): string {
  for (const prefix of [`${file}: `])
    if (message.startsWith(prefix)) return message.slice(prefix.length);
  const base = file.split(/[\\/]/).pop() ?? file;
  return message.startsWith(`${base}: `) ? message.slice(base.length + 2) : message;
}

export function formatArticle(a: Article): string {
  const lines = [a.title];
  if (a.subtitle) lines.push(a.subtitle);
  const meta = [a.byline, a.siteName, formatDate(a.published)].filter(Boolean).join(' · ');
  if (meta) lines.push(meta);
  if (a.tags.length) lines.push(`tags: ${a.tags.join(', ')}`);
  lines.push(`id: ${a.id}`);
  lines.push('', a.text);
  return lines.join('\n');
}

/** JSON output of `import --json`: the summary fields plus `duplicate`, or the error. */
export function importResultJson(r: ImportResult): Record<string, unknown> {
  if (!r.ok) return { file: r.file, error: r.error };
  return {
    file: r.file,
    duplicate: r.duplicate,
    ...r.article,
    ...(r.warnings ? { warnings: r.warnings } : {}),
  };
}

export function formatPassageLine(p: Passage): string {
  const quote = p.quote.length > 80 ? `${p.quote.slice(0, 79)}…` : p.quote;
  const tags = p.tags.length ? `  #${p.tags.join(' #')}` : '';
  return `${p.id}  ${p.orphaned ? '[orphaned] ' : ''}"${quote.replace(/\s+/g, ' ')}"${tags}`;
}
