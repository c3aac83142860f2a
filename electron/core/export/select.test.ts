import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { selectExport } from './select';
import { exportFixture, options, Q_FORMULA, Q_MINUS, Q_TRADE } from './testFixture';

const tempDir = useTempDir();
const sel = (over: Partial<ReturnType<typeof options>['selection']>) => ({
  tags: [],
  tagMode: 'any' as const,
  articleIds: [],
  dateField: 'passage' as const,
  ...over,
});

describe('export selection', () => {
  it('selects by tags (any / all), in source order then position, with citations and links', async () => {
    const f = await exportFixture(tempDir());
    const any = await selectExport(
      f.library.db,
      options('md', { selection: sel({ tags: ['SANCTIONS', 'formula tests'] }) }),
    );
    expect(any.items.map((i) => i.passage.quote)).toEqual([Q_TRADE, Q_FORMULA, Q_MINUS]);
    expect(any.message).toBeNull();
    expect(any.sources.map((s) => s.id)).toEqual([f.shared.id, f.hostile.id]);
    expect(any.items[0]!.citation.text).toContain(f.shared.title);
    expect(any.items[0]!.links).toEqual([
      expect.objectContaining({
        relation: 'contradicts',
        direction: 'out',
        otherId: f.passages.formula.id,
        otherQuote: Q_FORMULA,
      }),
    ]);
    expect(any.items[1]!.links).toEqual([
      expect.objectContaining({ direction: 'in', otherId: f.passages.trade.id }),
    ]);

    const all = await selectExport(
      f.library.db,
      options('md', { selection: sel({ tags: ['sanctions', 'formula tests'], tagMode: 'all' }) }),
    );
    expect(all.items.map((i) => i.passage.id)).toEqual([f.passages.formula.id]);
    f.library.close();
  });

  it('selects by article, by search and by date, and combines filters', async () => {
    const f = await exportFixture(tempDir());
    const db = f.library.db;
    const byArticle = await selectExport(
      db,
      options('md', { selection: sel({ articleIds: [f.shared.id] }) }),
    );
    expect(byArticle.items.map((i) => i.passage.id)).toEqual([
      f.passages.putin.id,
      f.passages.trade.id,
    ]);
    const bySearch = await selectExport(
      db,
      options('md', { selection: sel({ search: 'settlements' }) }),
    );
    expect(bySearch.items.map((i) => i.passage.id)).toEqual([f.passages.trade.id]);
    const today = new Date().toISOString().slice(0, 10);
    expect(
      (await selectExport(db, options('md', { selection: sel({ from: today, to: today }) }))).total,
    ).toBe(6);
    const past = await selectExport(db, options('md', { selection: sel({ to: '2000-01-01' }) }));
    expect(past.total).toBe(0);
    expect(past.message).toMatch(/No passage matches/);
    // Article dates: only the shared article has a publication date.
    const published = await selectExport(
      db,
      options('md', { selection: sel({ dateField: 'article', from: '1990-01-01' }) }),
    );
    expect(new Set(published.items.map((i) => i.source.id))).toEqual(new Set([f.shared.id]));
    const combined = await selectExport(
      db,
      options('md', { selection: sel({ tags: ['sanctions'], articleIds: [f.hostile.id] }) }),
    );
    expect(combined.items.map((i) => i.passage.id)).toEqual([f.passages.formula.id]);
    f.library.close();
  });

  it('groups by tag: a passage under each selected tag, untagged last; preview limits but counts all', async () => {
    const f = await exportFixture(tempDir());
    const doc = await selectExport(f.library.db, options('md', { groupBy: 'tag' }));
    expect(doc.groups.map((g) => g.label)).toEqual([
      'formula tests',
      'long',
      'people',
      'sanctions',
      'trade',
      'Untagged',
    ]);
    expect(doc.groups.find((g) => g.label === 'sanctions')!.items.map((i) => i.passage.id)).toEqual(
      [f.passages.trade.id, f.passages.formula.id],
    );
    expect(doc.groups.at(-1)!.items.map((i) => i.passage.id)).toEqual([f.passages.markup.id]);
    const only = await selectExport(
      f.library.db,
      options('md', { groupBy: 'tag', selection: sel({ tags: ['trade'] }) }),
    );
    expect(only.groups.map((g) => g.label)).toEqual(['trade']);
    const preview = await selectExport(f.library.db, options('md'), { limit: 2 });
    expect(preview.items).toHaveLength(2);
    expect(preview.total).toBe(6);
    f.library.close();
  });

  it('a tag that does not exist gives an empty export with a message, not an error', async () => {
    const f = await exportFixture(tempDir());
    const db = f.library.db;
    const none = await selectExport(
      db,
      options('md', { selection: sel({ tags: ['no such tag'] }) }),
    );
    expect(none.items).toEqual([]);
    expect(none.message).toBe('No tag named "no such tag": nothing to export.');
    const partly = await selectExport(
      db,
      options('md', { selection: sel({ tags: ['trade', 'ghost'] }) }),
    );
    expect(partly.items).toHaveLength(1);
    expect(partly.message).toMatch(/No tag named "ghost" \(left out\)/);
    expect(
      (
        await selectExport(
          db,
          options('md', { selection: sel({ tags: ['trade', 'ghost'], tagMode: 'all' }) }),
        )
      ).items,
    ).toEqual([]);
    expect(
      (await selectExport(db, options('md', { selection: sel({ tags: ['   '] }) }))).items,
    ).toEqual([]);
    // An article id is exact: an unknown one is an error naming it, alone or beside a known one.
    const ghost = '01900000-0000-7000-8000-000000000000';
    const unknownArticle = `article ${ghost}: no such article in this library; nothing was exported`;
    await expect(
      selectExport(db, options('md', { selection: sel({ articleIds: [ghost] }) })),
    ).rejects.toThrow(unknownArticle);
    await expect(
      selectExport(db, options('md', { selection: sel({ articleIds: [f.shared.id, ghost] }) })),
    ).rejects.toThrow(unknownArticle);
    expect(
      (await selectExport(db, options('md', { selection: sel({ search: 'zzzqqq' }) }))).message,
    ).toMatch(/matches no passage/);
    f.library.close();
  });
});
