import { v7 as uuidv7 } from 'uuid';
import { describe, expect, it } from 'vitest';
import { ImportResultSchema, type ImportResult } from '../../../electron/model/articles';
import { changedSourceText, isFileSource, sourceUpdateNotices } from './sourceUpdates';

/** Results as the API sends them, parsed by the contract's own schema. */
function ok(id: string, title: string, extra: Record<string, unknown> = {}): ImportResult {
  return ImportResultSchema.parse({
    ok: true,
    file: `/notes/${id}.md`,
    duplicate: true,
    article: {
      id,
      title,
      subtitle: null,
      byline: null,
      published: null,
      siteName: null,
      lang: null,
      source: `/notes/${id}.md`,
      ...ARTICLE_REST,
    },
    ...extra,
  });
}
const ARTICLE_REST = {
  format: 'markdown',
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  readAt: null,
  lastReadAt: null,
  trashedAt: null,
};

describe('sourceUpdateNotices', () => {
  it('offers an update for a changed file and reports an applied one, in order', () => {
    const report = { unchanged: 2, moved: 1, changed: 0, orphaned: 1 };
    const [a, b, c] = [uuidv7(), uuidv7(), uuidv7()];
    const results = [
      ok(a, 'Alpha', { newVersion: 'available' }),
      ok(b, 'Beta'),
      ok(c, 'Gamma', { newVersion: report }),
    ];
    expect(sourceUpdateNotices(results)).toEqual([
      { kind: 'offer', id: a, title: 'Alpha' },
      { kind: 'updated', id: c, title: 'Gamma', report },
    ]);
  });

  it('ignores failures and unchanged files', () => {
    const failed = ImportResultSchema.parse({
      ok: false,
      file: 'x.pdf',
      error: { code: 'unsupported', message: 'x.pdf: not supported' },
    });
    expect(sourceUpdateNotices([failed, ok(uuidv7(), 'Beta')])).toEqual([]);
    expect(sourceUpdateNotices([])).toEqual([]);
  });
});

describe('changedSourceText', () => {
  it('names the article in quotes, or says Untitled', () => {
    expect(changedSourceText('Field notes')).toBe('“Field notes” changed since it was imported.');
    expect(changedSourceText('')).toBe('“Untitled” changed since it was imported.');
  });
});

describe('isFileSource', () => {
  it('accepts paths and refuses URLs and nothing', () => {
    expect(isFileSource('/home/me/notes.md')).toBe(true);
    expect(isFileSource('C:\\Users\\me\\notes.txt')).toBe(true);
    expect(isFileSource('notes/relative.md')).toBe(true);
    expect(isFileSource('https://example.com/a')).toBe(false);
    expect(isFileSource('file:///home/me/notes.md')).toBe(false);
    expect(isFileSource('')).toBe(false);
    expect(isFileSource(null)).toBe(false);
  });
});
