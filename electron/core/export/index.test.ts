import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../test/temp';
import { openTestLibrary } from '../../test/library';
import { createPassage } from '../passages/repo';
import { buildExport, FORMAT_WRITERS } from './index';
import { insertTestArticle, options } from './testFixture';

const tempDir = useTempDir();

describe('export engine', () => {
  it('reports a determinate progress in chunks for every format, ending at the total', async () => {
    const t = openTestLibrary(tempDir());
    const db = t.library.db;
    const paragraphs = Array.from(
      { length: 600 },
      (_, i) => `Paragraph number ${i} of a long source.`,
    );
    const a = insertTestArticle(db, { title: 'Long source', paragraphs });
    let at = 0;
    for (const p of paragraphs) {
      createPassage(db, {
        articleId: a.id,
        start: at,
        end: at + p.length,
        color: 'blue',
        tags: ['t'],
        comment: '',
      });
      at += p.length + 2;
    }
    for (const format of Object.keys(FORMAT_WRITERS) as (keyof typeof FORMAT_WRITERS)[]) {
      const seen: [number, number][] = [];
      const built = await buildExport(db, options(format), {
        onProgress: (done, total) => seen.push([done, total]),
      });
      expect(built.doc.items).toHaveLength(600);
      expect(seen).toEqual([
        [250, 600],
        [500, 600],
        [600, 600],
      ]);
    }
    t.library.close();
  });
});
