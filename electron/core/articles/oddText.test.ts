import { describe, expect, it } from 'vitest';
import type { Body } from '../../model/body';
import { openTestLibrary } from '../../test/library';
import { SHARED_ARTICLE, useTempDir } from '../../test/temp';

const tempDir = useTempDir();

describe('an article whose text holds a lone surrogate (found by the API fuzzer)', () => {
  it('saves an edited body and reads it back, and the library still exports', async () => {
    const t = openTestLibrary(tempDir());
    const [r] = await t.invoke('articles.importPaths', { paths: [SHARED_ARTICLE] });
    if (!r?.ok) throw new Error('the shared article did not import');
    const body: Body = {
      version: 1,
      blocks: [
        {
          type: 'list',
          ordered: false,
          items: [[{ text: 'before \ud800 after', marks: ['bold'] }], [], [{ text: 'last 𐽾' }]],
        },
        { type: 'paragraph', content: [{ text: 'tail' }] },
      ],
    };
    await t.invoke('articles.updateBody', { id: r.article.id, body });
    const read = await t.invoke('articles.get', { id: r.article.id });
    expect(read.body).toEqual(body);
    await t.invoke('library.exportJson', { path: `${tempDir()}/library.json` });
    t.library.close();
  });
});
