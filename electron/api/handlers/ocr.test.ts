import { afterEach, describe, expect, it } from 'vitest';
import { scannedPdf } from '../../core/import/ocr/fixtures';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';

const tempDir = useTempDir();
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const upload = (name: string, bytes: Uint8Array) => ({
  name,
  dataBase64: Buffer.from(bytes).toString('base64'),
});

const SCAN = scannedPdf([
  ['Harbour tides are delayed by the narrow', 'entrance channels that feed them.'],
  ['The gauges were read every hour', 'for three weeks in March.'],
]);

async function importScan(invoke: ReturnType<typeof openTestLibrary>['invoke']) {
  const [r] = await invoke('articles.importFiles', { files: [upload('scan.pdf', SCAN)] });
  if (!r?.ok) throw new Error(JSON.stringify(r));
  return r.article.id;
}

/** Polls until the job leaves `running`, with a deadline generous enough for a loaded machine. */
async function settled(invoke: ReturnType<typeof openTestLibrary>['invoke'], jobId: string) {
  const deadline = Date.now() + 150_000;
  for (;;) {
    const status = await invoke('articles.ocrStatus', { jobId });
    if (status.state !== 'running' || Date.now() > deadline) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('OCR of a scanned PDF article', () => {
  it('replaces the notice with the text read, page by page: searchable, and passages work on it', async () => {
    const t = openTestLibrary(tempDir());
    cleanups.push(() => t.library.close());
    const { invoke } = t;
    const id = await importScan(invoke);
    expect((await invoke('articles.get', { id })).text).toMatch(/^No extractable text/);

    const started = await invoke('articles.ocrStart', { id });
    expect(started).toMatchObject({ state: 'running', articleId: id });
    const done = await settled(invoke, started.jobId);
    expect(done).toMatchObject({ state: 'finished', done: 2, total: 2, language: 'eng' });

    const article = await invoke('articles.get', { id });
    expect(article.text).toContain('Harbour tides are delayed by the narrow entrance channels');
    expect(article.pages?.map((p) => p.label)).toEqual(['1', '2']);
    expect(article.lang).toBe('en');
    const hits = await invoke('search.query', { query: 'gauges', limit: 5 });
    expect(hits.hits.filter((h) => h.kind === 'article').map((h) => h.id)).toContain(id);
    const start = article.text.indexOf('three weeks');
    const passage = await invoke('passages.create', {
      articleId: id,
      start,
      end: start + 'three weeks'.length,
      color: 'yellow',
      tags: [],
      comment: '',
    });
    expect(passage.quote).toBe('three weeks');
  }, 200_000);

  it('cancels: the article stays as it was', async () => {
    const t = openTestLibrary(tempDir());
    cleanups.push(() => t.library.close());
    const { invoke } = t;
    const id = await importScan(invoke);
    const before = (await invoke('articles.get', { id })).text;
    const started = await invoke('articles.ocrStart', { id });
    await invoke('articles.ocrCancel', { jobId: started.jobId });
    expect(await settled(invoke, started.jobId)).toMatchObject({ state: 'cancelled', error: null });
    expect((await invoke('articles.get', { id })).text).toBe(before);
  }, 200_000);

  it('refuses an article that is not a PDF, naming it', async () => {
    const t = openTestLibrary(tempDir());
    cleanups.push(() => t.library.close());
    const [r] = await t.invoke('articles.importFiles', {
      files: [upload('note.txt', new TextEncoder().encode('Plain words.'))],
    });
    if (!r?.ok) throw new Error(JSON.stringify(r));
    await expect(t.invoke('articles.ocrStart', { id: r.article.id })).rejects.toThrow(
      'OCR reads scanned PDFs; this article is text',
    );
  });
});
