import { afterEach, describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';

const tempDir = useTempDir();
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Putin's state visit to North Korea sets stage for elevated ties</title>
<meta name="author" content="Ji Da-gyum">
<meta property="article:published_time" content="2024-06-18T16:20:00+09:00">
</head><body><article><h1>Putin's state visit to North Korea sets stage for elevated ties</h1>
<p>Russian President Vladimir Putin will make a state visit to North Korea from Tuesday, the first in 24 years.</p>
<p>Experts say the visit is expected to elevate ties between the two countries to a new level.</p>
</article></body></html>`;

async function setup() {
  const t = openTestLibrary(tempDir());
  cleanups.push(() => t.library.close());
  const [r] = await t.invoke('articles.importFiles', {
    files: [{ name: 'herald.html', dataBase64: Buffer.from(PAGE).toString('base64') }],
  });
  if (!r?.ok) throw new Error(JSON.stringify(r));
  const id = r.article.id;
  const start = (await t.invoke('articles.get', { id })).text.indexOf('first in 24 years');
  const passage = await t.invoke('passages.create', {
    articleId: id,
    start,
    end: start + 'first in 24 years'.length,
  });
  return { ...t, id, passageId: passage.id };
}

describe('articles.setMeta', () => {
  it('edits the metadata, mirrors the listed fields, changes every citation, and undoes exactly', async () => {
    const { invoke, library, id, passageId } = await setup();
    const before = await invoke('articles.get', { id });
    const apaBefore = (await invoke('citations.passage', { id: passageId, style: 'apa' })).text;
    expect(apaBefore).not.toContain('Korea Herald');

    const { meta, undo } = await invoke('articles.setMeta', {
      id,
      patch: {
        type: 'article-newspaper',
        'container-title': 'The Korea Herald',
        URL: 'https://www.koreaherald.com/view.php?ud=20240618050664',
        author: [{ family: 'Ji', given: 'Da-gyum' }],
        ISSN: '1225-7427',
      },
    });
    expect(meta.csl).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'The Korea Herald',
      author: [{ family: 'Ji', given: 'Da-gyum' }],
      issued: { 'date-parts': [[2024, 6, 18]] },
    });
    expect(meta.edited).toMatchObject({ ISSN: '1225-7427', type: 'article-newspaper' });
    // The undo patch sets back what was edited before (nothing) for exactly the fields edited.
    expect(undo).toEqual({
      type: null,
      'container-title': null,
      URL: null,
      author: null,
      ISSN: null,
    });
    // The library list shows the publication and the authors now.
    expect(await invoke('articles.get', { id })).toMatchObject({
      siteName: 'The Korea Herald',
      byline: 'Da-gyum Ji',
    });
    const apa = (await invoke('citations.passage', { id: passageId, style: 'apa' })).text;
    expect(apa).toMatch(
      /Ji, D\.(?:-G\.)? \(2024, June 18\)\. Putin.s state visit to North Korea sets stage for elevated ties\. The Korea Herald\. https:\/\/www\.koreaherald\.com\/view\.php\?ud=20240618050664/,
    );

    // The change event reaches other windows: the edit is an article change.
    const feedRows = library.db
      .prepare("SELECT entity_id FROM changes WHERE entity = 'article' ORDER BY seq DESC LIMIT 1")
      .get();
    expect(feedRows).toEqual({ entity_id: id });

    // Undo: the same call with the inverse patch restores the columns and the citation.
    await invoke('articles.setMeta', { id, patch: undo });
    const after = await invoke('articles.get', { id });
    expect({ siteName: after.siteName, byline: after.byline, title: after.title }).toEqual({
      siteName: before.siteName,
      byline: before.byline,
      title: before.title,
    });
    expect((await invoke('citations.passage', { id: passageId, style: 'apa' })).text).toBe(
      apaBefore,
    );
    expect((await invoke('articles.meta', { id })).edited).toEqual({});
  });

  it('keeps the edits when the article is re-parsed from its original', async () => {
    const { invoke, id } = await setup();
    await invoke('articles.setMeta', {
      id,
      patch: { title: 'A corrected title', 'container-title': 'The Korea Herald' },
    });
    await invoke('articles.reparse', { id });
    const article = await invoke('articles.get', { id });
    expect(article).toMatchObject({ title: 'A corrected title', siteName: 'The Korea Herald' });
    const meta = await invoke('articles.meta', { id });
    expect(meta.csl.title).toBe('A corrected title');
    // Clearing the edit brings back the imported title.
    await invoke('articles.setMeta', { id, patch: { title: null } });
    expect((await invoke('articles.get', { id })).title).toBe(
      "Putin's state visit to North Korea sets stage for elevated ties",
    );
  });

  it('refuses bad input with one line naming the field, and writes nothing', async () => {
    const { invoke, id } = await setup();
    const bad = [
      [{ URL: '/tmp/x/report.pdf' }, /URL.*http/],
      [{ DOI: 'doi me' }, /DOI.*10\.1234/],
      [{ issued: { 'date-parts': [[2024, 13]] } }, /issued/],
      [{ author: [{ given: 'Ann' }] }, /author.*family name/],
      [{ type: 'newspaper' }, /type/],
      [{ colour: 'red' }, /colour/],
    ] as const;
    for (const [patch, message] of bad)
      await expect(invoke('articles.setMeta', { id, patch: patch as never })).rejects.toThrow(
        message,
      );
    expect((await invoke('articles.meta', { id })).edited).toEqual({});
    await expect(
      invoke('articles.setMeta', { id: '01900000-0000-7000-8000-00000000dead', patch: {} }),
    ).rejects.toThrow(/not in this library/);
  });

  it('stores what an imported page declares (JSON-LD) as the imported metadata', async () => {
    const t = openTestLibrary(tempDir());
    cleanups.push(() => t.library.close());
    const html = PAGE.replace(
      '</head>',
      '<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"The Korea Herald"}}</script></head>',
    );
    const [r] = await t.invoke('articles.importFiles', {
      files: [{ name: 'herald.html', dataBase64: Buffer.from(html).toString('base64') }],
    });
    if (!r?.ok) throw new Error(JSON.stringify(r));
    const meta = await t.invoke('articles.meta', { id: r.article.id });
    expect(meta.imported).toEqual({
      type: 'article-newspaper',
      'container-title': 'The Korea Herald',
    });
    expect(meta.edited).toEqual({});
    expect(meta.csl).toMatchObject({
      type: 'article-newspaper',
      'container-title': 'The Korea Herald',
    });
  });
});
