import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../../electron/model/articles';
import { PageStore, type Page } from './pageStore';

function summary(n: number): ArticleSummary {
  const id = `0190a000-0000-7000-8000-${n.toString(16).padStart(12, '0')}`;
  return {
    id,
    title: `Article ${n}`,
    subtitle: null,
    byline: null,
    published: null,
    siteName: null,
    lang: null,
    source: null,
    format: 'text',
    createdAt: '2024-06-19T00:00:00.000Z',
    updatedAt: '2024-06-19T00:00:00.000Z',
    readAt: null,
    lastReadAt: null,
    trashedAt: null,
  };
}

/** A library held in an array, answering page requests only when the test releases them. */
class FakeLibrary {
  rows: ArticleSummary[];
  readonly requests: {
    offset: number;
    limit: number;
    resolve: () => void;
    reject: (e: Error) => void;
  }[] = [];

  constructor(count: number) {
    this.rows = Array.from({ length: count }, (_, i) => summary(i));
  }

  fetch = (offset: number, limit: number): Promise<Page<ArticleSummary>> =>
    new Promise((resolve, reject) => {
      this.requests.push({
        offset,
        limit,
        // The answer reflects the library when the server handles it, not when it was asked.
        resolve: () =>
          resolve({ total: this.rows.length, items: this.rows.slice(offset, offset + limit) }),
        reject,
      });
    });

  pending(): number[] {
    return this.requests.map((r) => r.offset);
  }

  async answerAll(): Promise<void> {
    while (this.requests.length > 0) {
      this.requests.shift()?.resolve();
      await Promise.resolve();
      await Promise.resolve();
    }
  }
}

describe('PageStore', () => {
  it('fetches the first page for the total, then only the pages in view', async () => {
    const library = new FakeLibrary(100_000);
    const pages = new PageStore(library.fetch, 100);
    pages.want(0, 20);
    expect(library.pending()).toEqual([0]);
    await library.answerAll();
    expect(pages.total).toBe(100_000);
    expect(pages.item(5)?.title).toBe('Article 5');
    expect(pages.item(150)).toBeUndefined();

    pages.want(54_321, 54_340);
    expect(library.pending()).toEqual([54_300]);
    await library.answerAll();
    expect(pages.item(54_321)?.title).toBe('Article 54321');
  });

  it('asks for a page once however often it is wanted, and at most two at a time', async () => {
    const library = new FakeLibrary(10_000);
    const pages = new PageStore(library.fetch, 100);
    pages.want(0, 450);
    pages.want(0, 450);
    expect(library.pending()).toEqual([0, 100]);
    await library.answerAll();
    expect(pages.item(449)?.title).toBe('Article 449');
    expect(library.requests).toHaveLength(0);
  });

  it('skips pages scrolled past before their turn came', async () => {
    const library = new FakeLibrary(10_000);
    const pages = new PageStore(library.fetch, 100);
    pages.want(0, 10);
    await library.answerAll();
    pages.want(1000, 1010);
    pages.want(2000, 2010); // both slots: page 10 already asked for, page 20 now
    pages.want(3000, 3010);
    pages.want(4000, 4010);
    expect(library.pending()).toEqual([1000, 2000]);
    await library.answerAll();
    expect(pages.item(4005)?.title).toBe('Article 4005');
    expect(pages.item(3005)).toBeUndefined();
  });

  it('does not ask for pages past the end', async () => {
    const library = new FakeLibrary(150);
    const pages = new PageStore(library.fetch, 100);
    pages.want(0, 10);
    await library.answerAll();
    pages.want(100, 400);
    expect(library.pending()).toEqual([100]);
  });

  it('keeps stale rows visible on invalidate, then replaces them and drops answers from before', async () => {
    const library = new FakeLibrary(3);
    const pages = new PageStore(library.fetch, 100);
    pages.want(0, 10);
    await library.answerAll();
    expect(pages.item(0)?.title).toBe('Article 0');

    pages.invalidate(); // the old request for page 0 is gone; a new one is under way
    library.rows.unshift(summary(99));
    expect(pages.item(0)?.title).toBe('Article 0');
    await library.answerAll();
    expect(pages.total).toBe(4);
    expect(pages.item(0)?.title).toBe('Article 99');
    expect(pages.findIndex((a) => a.id === summary(2).id)).toBe(3);
    expect(pages.findIndex((a) => a.id === 'not-there')).toBe(-1);
  });

  it('ignores an answer that arrives after the library changed', async () => {
    const library = new FakeLibrary(3);
    const pages = new PageStore(library.fetch, 100);
    pages.want(0, 10);
    const early = library.requests.shift();
    pages.invalidate();
    library.rows = [summary(7)];
    await library.answerAll(); // the fresh request: one row
    library.rows = [summary(7), summary(8), summary(9)];
    early?.resolve(); // answers with the newest rows, but it was issued before invalidate
    await Promise.resolve();
    expect(pages.total).toBe(1);
  });

  it('reports a failed page and retries it later, not in a loop', async () => {
    let now = 0;
    const library = new FakeLibrary(10);
    const pages = new PageStore(library.fetch, 100, () => now);
    let notified = 0;
    pages.subscribe(() => notified++);
    pages.want(0, 5);
    library.requests.shift()?.reject(new Error('Cannot reach the library server'));
    await Promise.resolve();
    await Promise.resolve();
    expect(pages.error).toBe('Cannot reach the library server');
    expect(notified).toBe(1);
    pages.want(0, 5);
    expect(library.requests).toHaveLength(0);
    now = 5000;
    pages.want(0, 5);
    expect(library.pending()).toEqual([0]);
    await library.answerAll();
    expect(pages.error).toBeNull();
    expect(pages.total).toBe(10);
  });

  it('counts the rows loaded without a gap from the top, for a list that grows by "Load more"', async () => {
    const library = new FakeLibrary(250);
    const pages = new PageStore(library.fetch, 100);
    pages.want(0, 10);
    expect(pages.loading).toBe(true);
    await library.answerAll();
    expect(pages.loading).toBe(false);
    expect(pages.loadedCount()).toBe(100);
    pages.want(0, 199);
    await library.answerAll();
    expect(pages.loadedCount()).toBe(200);
    pages.want(0, 299);
    await library.answerAll();
    expect(pages.loadedCount()).toBe(250);
    expect(pages.answer?.total).toBe(250);
  });
});
