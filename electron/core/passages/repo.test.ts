import { describe, expect, it } from 'vitest';
import { makeBody, paragraph } from '../../model/body';
import { SHARED_ARTICLE, useTempDir } from '../../test/temp';
import { openTestLibrary } from '../../test/library';
import { readImportFile } from '../articles/import';
import { getPassage } from './repo';
import { MAX_TAG_LENGTH } from '../../model/tags';

const tempDir = useTempDir();
const QUOTE = 'alternative trade and mutual settlements mechanisms not controlled by the West';

async function withArticle() {
  const t = openTestLibrary(tempDir());
  const [r] = await t.invoke('articles.importPaths', { paths: [SHARED_ARTICLE] });
  if (!r?.ok) throw new Error('import failed');
  return { ...t, article: await t.invoke('articles.get', { id: r.article.id }) };
}

describe('passages', () => {
  it('are created from a quote with tags, comment and colour, and listed in reading order', async () => {
    const { invoke, article, library } = await withArticle();
    const late = await invoke('passages.createFromQuote', {
      articleId: article.id,
      quote: QUOTE,
      tags: ['sanctions', 'Sanctions', 'trade'],
      comment: 'key claim',
      color: 'green',
    });
    expect(late).toMatchObject({
      quote: QUOTE,
      tags: ['sanctions', 'trade'],
      comment: 'key claim',
      color: 'green',
      orphaned: false,
    });
    expect(article.text.slice(late.start, late.end)).toBe(QUOTE);
    expect(late.prefix.length).toBeGreaterThan(0);
    expect(article.text.slice(late.start - late.prefix.length, late.start)).toBe(late.prefix);
    const early = await invoke('passages.createFromQuote', {
      articleId: article.id,
      quote: 'Putin',
    });
    const list = await invoke('passages.list', { articleId: article.id });
    expect(list.map((p) => p.id)).toEqual([early.id, late.id]);
    expect(await invoke('passages.list', { tag: 'SANCTIONS' })).toHaveLength(1);
    library.close();
  });

  it('are listed with every tag, sorted by name, as a single passage reads (also under a tag filter)', async () => {
    const { invoke, article, library } = await withArticle();
    const tagged = await invoke('passages.createFromQuote', {
      articleId: article.id,
      quote: QUOTE,
      tags: ['zeta', 'Émigré', 'alpha', '🌍 globe'],
    });
    const bare = await invoke('passages.createFromQuote', {
      articleId: article.id,
      quote: 'Putin',
    });
    const other = await invoke('passages.createFromQuote', {
      articleId: article.id,
      quote: 'Unification Ministry',
      tags: ['alpha'],
    });
    const gone = await invoke('passages.createFromQuote', {
      articleId: article.id,
      quote: 'Pyongyang',
      tags: ['zeta'],
    });
    await invoke('passages.delete', { id: gone.id });
    const list = await invoke('passages.list', { articleId: article.id });
    // The same passages, tags included, as fetching each one by id gives.
    expect(list).toEqual(
      [bare, tagged, other]
        .sort((a, b) => a.start - b.start)
        .map((p) => getPassage(library.db, p.id)),
    );
    // By key (lower case), in code point order: a < z < é < 🌍.
    expect(list.find((p) => p.id === tagged.id)?.tags).toEqual([
      'alpha',
      'zeta',
      'Émigré',
      '🌍 globe',
    ]);
    expect(list.find((p) => p.id === bare.id)?.tags).toEqual([]);
    // A tag filter picks passages, not tags: each keeps all of its own.
    const filtered = await invoke('passages.list', { tag: 'ZETA' });
    expect(filtered.map((p) => [p.id, p.tags])).toEqual([
      [tagged.id, list.find((p) => p.id === tagged.id)?.tags],
    ]);
    library.close();
  });

  it('picks the Nth occurrence and refuses a quote that is not in the article', async () => {
    const { invoke, article, library } = await withArticle();
    const second = await invoke('passages.createFromQuote', {
      articleId: article.id,
      quote: 'Unification Ministry',
      occurrence: 2,
    });
    const first = article.text.indexOf('Unification Ministry');
    expect(second.start).toBe(article.text.indexOf('Unification Ministry', first + 1));
    await expect(
      invoke('passages.createFromQuote', {
        articleId: article.id,
        quote: 'not in this article at all',
      }),
    ).rejects.toThrow(/does not occur/);
    await expect(
      invoke('passages.createFromQuote', {
        articleId: article.id,
        quote: 'Unification Ministry',
        occurrence: 99,
      }),
    ).rejects.toThrow();
    await expect(
      invoke('passages.create', { articleId: article.id, start: 10, end: 10 }),
    ).rejects.toThrow(/empty/);
    await expect(
      invoke('passages.create', { articleId: article.id, start: 0, end: article.text.length + 5 }),
    ).rejects.toThrow();
    expect(await invoke('passages.list', {})).toHaveLength(1);
    library.close();
  });

  it('overlap and nest', async () => {
    const { invoke, article, library } = await withArticle();
    const at = article.text.indexOf(QUOTE);
    const outer = await invoke('passages.create', {
      articleId: article.id,
      start: at,
      end: at + QUOTE.length,
    });
    const inner = await invoke('passages.create', {
      articleId: article.id,
      start: at + 12,
      end: at + 30,
    });
    const overlapping = await invoke('passages.create', {
      articleId: article.id,
      start: at + 20,
      end: at + QUOTE.length + 20,
    });
    expect((await invoke('passages.list', { articleId: article.id })).map((p) => p.id)).toEqual([
      outer.id,
      inner.id,
      overlapping.id,
    ]);
    library.close();
  });

  it('are edited, deleted and restored (undo)', async () => {
    const { invoke, article, library } = await withArticle();
    const p = await invoke('passages.createFromQuote', {
      articleId: article.id,
      quote: QUOTE,
      tags: ['a'],
    });
    const edited = await invoke('passages.update', {
      id: p.id,
      color: 'pink',
      tags: ['b', 'c'],
      comment: ' line one\r\nline two ',
    });
    expect(edited).toMatchObject({
      color: 'pink',
      tags: ['b', 'c'],
      comment: 'line one\nline two',
    });
    await invoke('passages.delete', { id: p.id });
    expect(await invoke('passages.list', {})).toEqual([]);
    await expect(invoke('passages.update', { id: p.id, color: 'blue' })).rejects.toThrow(
      /not in this library/,
    );
    const restored = await invoke('passages.restore', { id: p.id });
    expect(restored).toMatchObject({ id: p.id, color: 'pink', tags: ['b', 'c'] });
    await expect(invoke('passages.restore', { id: p.id })).rejects.toThrow(/nothing to undo/);
    library.close();
  });

  it('re-anchor when the article is corrected, and orphans keep their quote', async () => {
    const { invoke, article, library } = await withArticle();
    const kept = await invoke('passages.createFromQuote', { articleId: article.id, quote: QUOTE });
    const doomed = await invoke('passages.createFromQuote', {
      articleId: article.id,
      quote: 'The DPRK stands for the Democratic People',
    });
    // The user deletes the junk at the top, fixes a typo before the passage, and rewrites the DPRK paragraph.
    const blocks = article.body.blocks
      .slice(1)
      .map((b) =>
        b.type === 'paragraph' && b.content[0]?.text.startsWith('The DPRK stands')
          ? paragraph('Totally different sentence here.')
          : b,
      );
    const { report } = await invoke('articles.updateBody', {
      id: article.id,
      body: makeBody(blocks),
    });
    expect(report).toEqual({ unchanged: 0, moved: 1, changed: 0, orphaned: 1 });
    const after = await invoke('passages.list', { articleId: article.id });
    const movedP = after.find((p) => p.id === kept.id)!;
    const orphan = after.find((p) => p.id === doomed.id)!;
    const newText = (await invoke('articles.get', { id: article.id })).text;
    expect(newText.slice(movedP.start, movedP.end)).toBe(QUOTE);
    expect(orphan).toMatchObject({ orphaned: true, quote: doomed.quote });
    // Re-attach the orphan to new text.
    const at = newText.indexOf('Totally different');
    const reattached = await invoke('passages.reattach', {
      id: doomed.id,
      start: at,
      end: at + 'Totally different'.length,
    });
    expect(reattached).toMatchObject({ orphaned: false, quote: 'Totally different' });
    library.close();
  });
});

describe('tags', () => {
  it('are listed with counts, renamed, recoloured, merged and deleted', async () => {
    const { invoke, article, library } = await withArticle();
    await invoke('passages.createFromQuote', {
      articleId: article.id,
      quote: QUOTE,
      tags: ['sanctions'],
    });
    await invoke('passages.createFromQuote', {
      articleId: article.id,
      quote: 'Putin',
      tags: ['Sanctions ', 'russia'],
    });
    await invoke('articles.setTags', { id: article.id, tags: ['korea'] });
    expect((await invoke('tags.list', {})).map((t) => [t.name, t.count, t.articleCount])).toEqual([
      ['korea', 0, 1],
      ['russia', 1, 0],
      ['sanctions', 2, 0],
    ]);
    await invoke('tags.rename', { from: 'sanctions', to: 'Sanctions regime' });
    await expect(invoke('tags.rename', { from: 'russia', to: 'KOREA' })).rejects.toThrow(
      /merge the tags instead/,
    );
    const recolored = await invoke('tags.recolor', { name: 'russia', color: '#aa0000' });
    expect(recolored.color).toBe('#aa0000');
    const merged = await invoke('tags.merge', { from: 'russia', into: 'sanctions regime' });
    expect(merged).toMatchObject({ name: 'Sanctions regime', count: 2 });
    const deleted = await invoke('tags.delete', { name: 'Sanctions regime' });
    expect(deleted.count).toBe(2);
    expect(await invoke('passages.list', {})).toHaveLength(2);
    expect((await invoke('tags.list', {})).map((t) => t.name)).toEqual(['korea']);
    library.close();
  });

  it('treat case and Unicode normalisation as one tag, and refuse empty or huge names', async () => {
    const { invoke, article, library } = await withArticle();
    const nfc = 'caf\u00e9';
    const nfd = 'cafe\u0301';
    const p = await invoke('passages.createFromQuote', {
      articleId: article.id,
      quote: QUOTE,
      tags: [nfc, nfd, 'CAFÉ', '🌍 world'],
    });
    expect(p.tags).toEqual([nfc, '🌍 world']);
    await expect(invoke('passages.update', { id: p.id, tags: ['   '] })).rejects.toThrow(
      /tag name is empty/,
    );
    // One limit, counted in characters, at the API's boundary and in the core alike.
    for (const huge of [
      'x'.repeat(MAX_TAG_LENGTH + 1),
      '🌍'.repeat(MAX_TAG_LENGTH + 1),
      'x'.repeat(10_000),
    ]) {
      await expect(invoke('passages.update', { id: p.id, tags: [huge] })).rejects.toThrow(
        /^passages\.update: tags\.0: tag name is longer than 100 characters$/,
      );
    }
    expect((await invoke('passages.list', {}))[0]!.tags).toEqual([nfc, '🌍 world']);
    const longest = '🌍'.repeat(MAX_TAG_LENGTH); // 200 UTF-16 units, 100 characters
    expect((await invoke('passages.update', { id: p.id, tags: [longest] })).tags).toEqual([
      longest,
    ]);
    library.close();
  });

  it('filter the library: articles tagged directly or through their passages', async () => {
    const { invoke, article, library } = await withArticle();
    const other = await invoke('articles.importFiles', {
      files: [
        { name: 'n.md', dataBase64: Buffer.from('# Other\n\nUnrelated text.').toString('base64') },
      ],
    });
    expect(other[0]!.ok).toBe(true);
    await invoke('passages.createFromQuote', {
      articleId: article.id,
      quote: QUOTE,
      tags: ['sanctions'],
    });
    const page = await invoke('articles.list', { tag: 'sanctions' });
    expect(page.total).toBe(1);
    expect(page.items[0]!.id).toBe(article.id);
    expect((await invoke('articles.list', { tag: 'nope' })).total).toBe(0);
    expect((await invoke('articles.list', {})).total).toBe(2);

    // The tag's listed count is what the filter lists: each article once, however it carries the tag.
    const otherId = other[0]!.ok ? other[0]!.article.id : '';
    const second = await invoke('passages.createFromQuote', {
      articleId: article.id,
      quote: 'Putin',
      tags: ['sanctions'],
    });
    await invoke('articles.setTags', { id: article.id, tags: ['sanctions'] });
    const gone = await invoke('passages.createFromQuote', {
      articleId: otherId,
      quote: 'Unrelated',
      tags: ['sanctions'],
    });
    await invoke('passages.delete', { id: gone.id });
    const listed = async () => {
      const tag = (await invoke('tags.list', {})).find((t) => t.name === 'sanctions')!;
      return [
        tag.listedArticleCount,
        (await invoke('articles.list', { tag: 'sanctions' })).total,
        tag.count,
        tag.articleCount,
      ];
    };
    expect(await listed()).toEqual([1, 1, 2, 1]); // the deleted passage doesn't list the other article
    await invoke('articles.setTags', { id: otherId, tags: ['Sanctions'] });
    await invoke('passages.delete', { id: second.id });
    expect(await listed()).toEqual([2, 2, 1, 2]);
    library.close();
  });
});

it('readImportFile names the file in its source path', () => {
  expect(readImportFile(SHARED_ARTICLE).fileName).toBe('putin-north-korea-state-visit.txt');
});

describe('re-import of a changed file', () => {
  it('is offered first, then applied: the article keeps its id and passages re-anchor with a report', async () => {
    const { writeFileSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = tempDir();
    const file = join(dir, 'article.txt');
    const original = readFileSync(SHARED_ARTICLE, 'utf8');
    writeFileSync(file, original);
    const t = openTestLibrary(dir);
    const [first] = await t.invoke('articles.importPaths', { paths: [file] });
    if (!first?.ok) throw new Error('import failed');
    const id = first.article.id;
    const stays = await t.invoke('passages.createFromQuote', {
      articleId: id,
      quote: QUOTE,
      tags: ['sanctions'],
    });
    const goes = await t.invoke('passages.createFromQuote', {
      articleId: id,
      quote: 'The DPRK stands for the Democratic People',
    });
    const typo = await t.invoke('passages.createFromQuote', {
      articleId: id,
      quote: 'Putin underscored that his state visit represents a pivotal opportunity',
    });

    writeFileSync(
      file,
      original
        .replace('Send to\n', '')
        .replace(
          "The DPRK stands for the Democratic People's Republic of Korea, which is the official name of North Korea.",
          'An entirely new paragraph about something else.',
        )
        .replace('represents a pivotal opportunity', 'represents a pivotal oportunity'),
    );
    const [offer] = await t.invoke('articles.importPaths', { paths: [file] });
    expect(offer).toMatchObject({
      ok: true,
      duplicate: false,
      newVersion: 'available',
      article: { id },
    });
    expect((await t.invoke('articles.get', { id })).text).toContain('The DPRK stands');

    const [applied] = await t.invoke('articles.importPaths', {
      paths: [file],
      onChangedSource: 'update',
    });
    expect(applied).toMatchObject({
      ok: true,
      article: { id },
      newVersion: { moved: 1, changed: 1, orphaned: 1 },
    });
    const passages = await t.invoke('passages.list', { articleId: id });
    expect(passages).toHaveLength(3);
    const byId = new Map(passages.map((p) => [p.id, p]));
    expect(byId.get(stays.id)).toMatchObject({
      orphaned: false,
      quote: QUOTE,
      tags: ['sanctions'],
    });
    expect(byId.get(goes.id)).toMatchObject({ orphaned: true, quote: goes.quote });
    expect(byId.get(typo.id)!.quote).toContain('oportunity');
    expect((await t.invoke('library.info', {})).articleCount).toBe(1);

    // Nothing changed on disk since: a duplicate, and updateFromSource reports no change.
    const [again] = await t.invoke('articles.importPaths', { paths: [file] });
    expect(again).toMatchObject({ ok: true, duplicate: true });
    expect((await t.invoke('articles.updateFromSource', { id })).report).toBeNull();
    t.library.close();
  });
});
