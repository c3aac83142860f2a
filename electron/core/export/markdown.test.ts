import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { buildExport } from './index';
import { exportFixture, HOSTILE_COMMENT, options, Q_FORMULA } from './testFixture';
import { allTokens, fileText, markdownDom, norm, splitFrontMatter } from './testRead';

const tempDir = useTempDir();

describe('Markdown export', () => {
  it('reads back through marked and yaml: front matter, one block quote per excerpt, comments, tags, citations, links back', async () => {
    const f = await exportFixture(tempDir());
    const built = await buildExport(f.library.db, options('md', { title: 'My: "reading" notes' }));
    const md = fileText(built.output);
    const { data, body } = splitFrontMatter(md);
    expect(data).toMatchObject({
      title: 'My: "reading" notes',
      excerpts: 6,
      sources: 2,
      grouped_by: 'source',
      generator: 'Commonplace',
    });

    // Hostile text never becomes raw HTML.
    expect(allTokens(marked.lexer(body)).filter((t) => t.type === 'html')).toEqual([]);
    const dom = markdownDom(body);
    expect(dom.querySelectorAll('script')).toHaveLength(0);
    const quotes = [...dom.querySelectorAll('blockquote')].map((b) => norm(b.textContent ?? ''));
    expect(quotes).toEqual(built.doc.items.map((i) => norm(i.passage.quote)));
    expect(dom.querySelector('h1')?.textContent).toBe('My: "reading" notes');
    expect([...dom.querySelectorAll('h2')].map((h) => h.textContent)).toEqual(
      built.doc.groups.map((g) => g.label),
    );

    const text = norm(dom.body.textContent ?? '');
    expect(text).toContain(norm(HOSTILE_COMMENT));
    expect(text).toContain(norm(built.doc.items[0]!.citation.text));
    expect(text).toContain('Tags: sanctions · trade');
    const hrefs = [...dom.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    for (const item of built.doc.items)
      expect(hrefs).toContain(`commonplace://passage/${item.passage.id}`);
    // The link between two passages is kept, with its relation.
    expect(text).toContain(`contradicts → “${norm(Q_FORMULA)}”`);
    // Control characters are gone, the words around them stay.
    expect(md).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe]/);
    expect(text).toContain('bell nul esc end');
    f.library.close();
  });

  it('an empty selection is a valid file that says why', async () => {
    const f = await exportFixture(tempDir());
    const built = await buildExport(
      f.library.db,
      options('md', {
        selection: { tags: ['nope'], tagMode: 'any', articleIds: [], dateField: 'passage' },
      }),
    );
    const { data, body } = splitFrontMatter(fileText(built.output));
    expect(data.excerpts).toBe(0);
    expect(data.note).toMatch(/No tag named "nope"/);
    expect(markdownDom(body).querySelectorAll('blockquote')).toHaveLength(0);
    f.library.close();
  });

  it('a huge comment is written whole', async () => {
    const f = await exportFixture(tempDir());
    const huge = 'word '.repeat(19_999) + 'last';
    await f.invoke('passages.update', { id: f.passages.minus.id, comment: huge });
    const md = fileText((await buildExport(f.library.db, options('md'))).output);
    expect(norm(markdownDom(md).body.textContent ?? '')).toContain(norm(huge));
    f.library.close();
  });
});
