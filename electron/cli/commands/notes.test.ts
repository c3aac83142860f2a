import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked, type Tokens } from 'marked';
import { describe, expect, it } from 'vitest';
import { openTestLibrary } from '../../test/library';
import { SHARED_ARTICLE, useTempDir } from '../../test/temp';
import { runCli } from '../program';

const tempDir = useTempDir();

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: {},
    rendererDir: '/nonexistent',
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function libraryWithPassages() {
  const dir = tempDir();
  // openTestLibrary(dir) opens this same file.
  const lib = join(dir, 'library.sqlite');
  const imported = await cli(['--library', lib, 'import', SHARED_ARTICLE, '--json']);
  const articleId = (JSON.parse(imported.out) as { id: string }[])[0]!.id;
  const add = async (quote: string) =>
    JSON.parse(
      (await cli(['--library', lib, 'passage', 'add', articleId, '--quote', quote, '--json'])).out,
    ) as { id: string; quote: string };
  const p1 = await add(
    'alternative trade and mutual settlements mechanisms not controlled by the West',
  );
  const p2 = await add('make changes to its draft that are not of a fundamental nature');
  return { dir, lib, articleId, p1, p2 };
}

describe('note and link commands', () => {
  it('creates a note from Markdown, lists it, shows it as Markdown and JSON', async () => {
    const { dir, lib } = await libraryWithPassages();
    const file = join(dir, 'draft.md');
    writeFileSync(
      file,
      '# Draft on the visit\n\nThe **visit** matters.\n\n- [ ] check dates\n- [x] read the article\n',
    );
    const created = await cli([
      '--library',
      lib,
      'note',
      'create',
      '--from-markdown',
      file,
      '--tag',
      'korea',
      '--json',
    ]);
    expect(created.code).toBe(0);
    const note = JSON.parse(created.out) as {
      id: string;
      title: string;
      tags: string[];
      wordCount: number;
    };
    expect(note).toMatchObject({ title: 'Draft on the visit', tags: ['korea'], wordCount: 8 });

    const titled = await cli(['--library', lib, 'note', 'create', '--title', 'Empty one']);
    expect(titled.out).toMatch(/^created note \S+ "Empty one" \(0 words\)$/);

    const list = JSON.parse((await cli(['--library', lib, 'note', 'list', '--json'])).out) as {
      id: string;
      title: string;
    }[];
    expect(list.map((n) => n.title).sort()).toEqual(['Draft on the visit', 'Empty one']);
    expect(
      (await cli(['--library', lib, 'note', 'list', '--sort', 'title'])).out.split('\n')[0],
    ).toContain('Draft on the visit');

    const md = await cli(['--library', lib, 'note', 'show', note.id, '--markdown']);
    expect(md.out).toBe(
      '# Draft on the visit\n\nThe **visit** matters.\n\n- [ ] check dates\n- [x] read the article',
    );
    const json = JSON.parse(
      (await cli(['--library', lib, 'note', 'show', note.id, '--json'])).out,
    ) as { doc: { root: { type: string } } };
    expect(json.doc.root.type).toBe('root');
    expect((await cli(['--library', lib, 'note', 'show', note.id])).out).toContain(
      'The visit matters.',
    );
  });

  it('shows passage quotes in a note as Markdown block quotes with citations', async () => {
    const { dir, lib, p1, p2 } = await libraryWithPassages();
    // Quote nodes come from the editor; the CLI reads them back.
    const { invoke, library } = openTestLibrary(dir);
    const quote = (p: { id: string; quote: string }) => ({
      type: 'passage-quote',
      version: 1,
      passageId: p.id,
      quote: p.quote,
      citation: 'old',
    });
    const note = await invoke('notes.create', {
      title: 'Quotes',
      doc: { root: { type: 'root', children: [quote(p1), quote(p2)] } },
    });
    await invoke('passages.delete', { id: p2.id });
    library.close();
    const md = await cli(['--library', lib, 'note', 'show', note.id, '--markdown']);
    const tokens = marked.lexer(md.out).filter((tk) => tk.type !== 'space');
    expect(tokens.map((tk) => tk.type)).toEqual([
      'heading',
      'blockquote',
      'paragraph',
      'blockquote',
      'paragraph',
    ]);
    const [, q1, c1, q2, c2] = tokens as [
      Tokens.Heading,
      Tokens.Blockquote,
      Tokens.Paragraph,
      Tokens.Blockquote,
      Tokens.Paragraph,
    ];
    expect(q1.text).toBe(p1.quote);
    expect(c1.text).toBe(
      "— Ji Da-gyum, Putin's state visit to North Korea sets stage for elevated ties, 2024-06-18",
    );
    expect(q2.text).toBe(p2.quote);
    expect(c2.text).toMatch(/\(source deleted\)$/);
  });

  it('links two passages by bare id, lists both directions, refuses bad links and removes one', async () => {
    const { lib, articleId, p1, p2 } = await libraryWithPassages();
    const added = await cli([
      '--library',
      lib,
      'link',
      'add',
      p1.id,
      p2.id,
      '--relation',
      'contradicts',
      '--json',
    ]);
    expect(added.code).toBe(0);
    const link = JSON.parse(added.out) as {
      id: string;
      from: unknown;
      to: unknown;
      relation: string;
    };
    expect(link).toMatchObject({
      from: { kind: 'passage', id: p1.id },
      to: { kind: 'passage', id: p2.id },
      relation: 'contradicts',
    });
    const human = await cli([
      '--library',
      lib,
      'link',
      'add',
      articleId,
      p1.id,
      '--relation',
      'see also',
    ]);
    expect(human.out).toMatch(
      new RegExp(`^linked article ${articleId} → passage ${p1.id} as "see-also" \\(link \\S+\\)$`),
    );

    const links = JSON.parse((await cli(['--library', lib, 'links', p1.id, '--json'])).out) as {
      ref: unknown;
      outgoing: { id: string }[];
      incoming: { relation: string; other: { ref: { kind: string } } }[];
    };
    expect(links.ref).toEqual({ kind: 'passage', id: p1.id });
    expect(links.outgoing.map((l) => l.id)).toEqual([link.id]);
    expect(links.incoming.map((l) => [l.relation, l.other.ref.kind])).toEqual([
      ['see-also', 'article'],
    ]);
    const text = await cli(['--library', lib, 'links', p2.id]);
    expect(text.out).toContain(`← contradicts  passage ${p1.id}`);

    const dup = await cli([
      '--library',
      lib,
      'link',
      'add',
      p1.id,
      p2.id,
      '--relation',
      'Contradicts',
    ]);
    expect(dup.code).toBe(1);
    expect(dup.err).toBe(
      `commonplace: passage ${p1.id} already links to passage ${p2.id} as "contradicts" (link ${link.id})`,
    );
    const self = await cli([
      '--library',
      lib,
      'link',
      'add',
      p1.id,
      p1.id,
      '--relation',
      'supports',
    ]);
    expect(self.err).toBe(`commonplace: passage ${p1.id}: cannot be linked to itself`);
    const missing = await cli([
      '--library',
      lib,
      'link',
      'add',
      p1.id,
      '01900000-0000-7000-8000-00000000dead',
      '--relation',
      'supports',
    ]);
    expect(missing.err).toBe(
      'commonplace: 01900000-0000-7000-8000-00000000dead: no article, passage or note has this id',
    );
    const badId = await cli(['--library', lib, 'links', 'nope']);
    expect(badId.err).toBe('commonplace: links.resolve: id: must be a UUIDv7');

    expect((await cli(['--library', lib, 'link', 'rm', link.id])).out).toBe(
      `removed link ${link.id} (passage ${p1.id} → passage ${p2.id}, "contradicts")`,
    );
    expect((await cli(['--library', lib, 'links', p2.id])).out).toBe(
      `No links from or to passage ${p2.id}.`,
    );
  });

  it('names the Markdown file when it cannot be read', async () => {
    const { dir, lib } = await libraryWithPassages();
    const r = await cli([
      '--library',
      lib,
      'note',
      'create',
      '--from-markdown',
      join(dir, 'missing.md'),
    ]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/missing\.md: cannot read/);
    const bin = join(dir, 'bin.md');
    writeFileSync(bin, Buffer.from([0x23, 0, 1, 2]));
    expect((await cli(['--library', lib, 'note', 'create', '--from-markdown', bin])).err).toMatch(
      /bin\.md: is binary/,
    );
    expect(
      (
        await cli([
          '--library',
          lib,
          'note',
          'show',
          '01900000-0000-7000-8000-00000000dead',
          '--markdown',
          '--json',
        ])
      ).err,
    ).toMatch(/--markdown or --json/);
  });
});
