import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bodyToText, makeBody, paragraph } from '../../model/body';
import { openTestLibrary } from '../../test/library';
import { useTempDir } from '../../test/temp';
import { makeEpub, xhtml } from '../import/epub/fixtures';
import { exportLibraryJson } from '../transfer/exportJson';
import { importLibraryJson } from '../transfer/importJson';

const tempDir = useTempDir();

const NCX = `<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
  <navPoint><navLabel><text>First chapter</text></navLabel><content src="one.xhtml"/>
    <navPoint><navLabel><text>Its second half</text></navLabel><content src="one.xhtml#half"/></navPoint></navPoint>
  <navPoint><navLabel><text>Second chapter</text></navLabel><content src="two.xhtml"/></navPoint></navMap></ncx>`;

function writeBook(dir: string): string {
  const file = join(dir, 'chapters.epub');
  writeFileSync(
    file,
    makeEpub({
      version: '2.0',
      metadata: '<dc:title>Chapters</dc:title>',
      chapters: [
        {
          id: 'one',
          href: 'one.xhtml',
          xhtml: xhtml(
            '<h1>One</h1><p>The first half of one.</p><p id="half">The second half of one.</p>',
          ),
        },
        { id: 'two', href: 'two.xhtml', xhtml: xhtml('<h1>Two</h1><p>All of two.</p>') },
      ],
      ncx: NCX,
    }),
  );
  return file;
}

describe('a document’s own contents in the library', () => {
  it('is stored at import, follows an edit of the text, and travels in the JSON export', async () => {
    const dir = tempDir();
    const src = openTestLibrary(join(dir, 'src'));
    const [r] = await src.invoke('articles.importPaths', { paths: [writeBook(dir)] });
    if (!r?.ok) throw new Error(JSON.stringify(r));
    const id = r.article.id;
    const article = await src.invoke('articles.get', { id });
    const starts = (a: typeof article) =>
      a.contents?.map((c) => [c.level, c.title, a.text.slice(c.start, c.start + 10)]);
    expect(starts(article)).toEqual([
      [1, 'First chapter', 'One\n\nThe f'],
      [2, 'Its second half', 'The second'],
      [1, 'Second chapter', 'Two\n\nAll o'],
    ]);

    // Edit text: a paragraph put in front moves every entry with its text.
    const edited = makeBody([paragraph('A new opening paragraph.'), ...article.body.blocks]);
    await src.invoke('articles.updateBody', { id, body: edited });
    const after = await src.invoke('articles.get', { id });
    expect(after.text).toBe(bodyToText(edited));
    expect(starts(after)).toEqual(starts(article));

    const file = join(dir, 'library.json');
    exportLibraryJson(src.library.db, file);
    const dst = openTestLibrary(join(dir, 'dst'));
    await importLibraryJson(dst.library.db, file);
    expect((await dst.invoke('articles.get', { id })).contents).toEqual(after.contents);
    src.library.close();
    dst.library.close();
  });

  it('refuses a restore whose contents point past the text, naming the field', async () => {
    const dir = tempDir();
    const src = openTestLibrary(join(dir, 'src'));
    const [r] = await src.invoke('articles.importPaths', { paths: [writeBook(dir)] });
    if (!r?.ok) throw new Error(JSON.stringify(r));
    src.library.db
      .prepare('UPDATE articles SET contents = ? WHERE id = ?')
      .run(JSON.stringify([{ level: 1, title: 'Far', start: 1_000_000 }]), r.article.id);
    const file = join(dir, 'library.json');
    exportLibraryJson(src.library.db, file);
    const dst = openTestLibrary(join(dir, 'dst'));
    await expect(importLibraryJson(dst.library.db, file)).rejects.toThrow(
      /contents\[0\]\.start.*past the end of the article's text/,
    );
    src.library.close();
    dst.library.close();
  });
});
