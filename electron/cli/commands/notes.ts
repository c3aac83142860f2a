/**
 * Notes and links from the terminal: `note create|list|show|rm`, `link add|rm`, `links ID`.
 * Ids are bare: `link add` and `links` find out whether each is an article, passage or note.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { MAX_NOTE_DOC_CHARS, type NoteSummary } from '../../model/notes';
import type { LinkView } from '../../model/links';
import { CommonplaceError, errorMessage } from '../../core/errors';
import type { CliContext } from '../context';
import { collect, parsePositiveInt } from '../options';

function readMarkdown(file: string): string {
  const path = resolve(file);
  let size: number;
  try {
    const st = statSync(path);
    if (!st.isFile()) throw new CommonplaceError('not_a_file', `${file}: is not a file`);
    size = st.size;
  } catch (e) {
    if (e instanceof CommonplaceError) throw e;
    throw new CommonplaceError('io_error', `${file}: cannot read (${errorMessage(e)})`);
  }
  if (size > MAX_NOTE_DOC_CHARS)
    throw new CommonplaceError(
      'too_large',
      `${file}: is ${size.toLocaleString('en-US')} bytes; a note holds at most ${MAX_NOTE_DOC_CHARS.toLocaleString('en-US')}`,
    );
  const bytes = readFileSync(path);
  if (bytes.includes(0))
    throw new CommonplaceError('unsupported_format', `${file}: is binary, not Markdown text`);
  return new TextDecoder('utf-8').decode(bytes);
}

function noteLine(n: NoteSummary): string {
  const tags = n.tags.length ? `  [${n.tags.join(', ')}]` : '';
  return `${n.id}  ${n.updatedAt.slice(0, 16).replace('T', ' ')}  ${n.title || '(untitled)'}  (${n.wordCount} word${n.wordCount === 1 ? '' : 's'})${tags}`;
}

function linkLine(arrow: '→' | '←', l: LinkView): string {
  const where = l.other.context ? ` (in "${l.other.context}")` : '';
  const gone = l.other.deleted ? ' [deleted]' : '';
  return `${arrow} ${l.relation.padEnd(12)} ${l.other.ref.kind.padEnd(7)} ${l.other.ref.id}  "${l.other.label.replace(/\s+/g, ' ').slice(0, 80)}"${where}${gone}  (link ${l.id}${l.origin === 'link' ? '' : `, ${l.origin}`})`;
}

export function registerNotesCommands(program: Command, context: CliContext): void {
  const { io, client, print } = context;
  const note = program.command('note').description('notes: drafts beside your sources');
  note
    .command('create')
    .description('create a note, empty or from a Markdown file')
    .option('--title <title>', "title (default: the Markdown file's leading # heading)", '')
    .option('--from-markdown <file>', "the note's content, as Markdown")
    .option('--tag <tag>', 'tag (repeat for more)', collect, [])
    .option('--json', 'print the note as JSON')
    .action(async (o: { title: string; fromMarkdown?: string; tag: string[]; json?: boolean }) => {
      const markdown = o.fromMarkdown === undefined ? undefined : readMarkdown(o.fromMarkdown);
      const n = await client()('notes.create', {
        title: o.title,
        tags: o.tag,
        ...(markdown === undefined ? {} : { markdown }),
      });
      if (o.json) print(n);
      else io.out(`created note ${n.id} "${n.title || '(untitled)'}" (${n.wordCount} words)`);
    });
  note
    .command('list')
    .description('list notes, most recently changed first')
    .addOption(
      new Option('--sort <order>', 'order')
        .choices(['updated', 'created', 'title'])
        .default('updated'),
    )
    .option('--tag <tag>', 'only notes with this tag')
    .option('--limit <n>', 'at most this many', (v) => parsePositiveInt(v, '--limit'), 1000)
    .option('--json', 'print JSON')
    .action(
      async (o: {
        sort: 'updated' | 'created' | 'title';
        tag?: string;
        limit: number;
        json?: boolean;
      }) => {
        const page = await client()('notes.list', {
          sort: o.sort,
          tag: o.tag,
          limit: Math.min(o.limit, 1000),
        });
        if (o.json) print(page.items);
        else if (!page.items.length)
          io.out('No notes. Create one with `commonplace note create --title TITLE`.');
        else for (const n of page.items) io.out(noteLine(n));
      },
    );
  note
    .command('show')
    .description(
      'show a note: its text, or Markdown (quotes as block quotes with citations), or JSON',
    )
    .argument('<id>', 'note id')
    .option('--markdown', 'print Markdown')
    .option('--json', 'print JSON (includes the Lexical document)')
    .action(async (id: string, o: { markdown?: boolean; json?: boolean }) => {
      if (o.markdown && o.json)
        throw new CommonplaceError('invalid_input', 'choose --markdown or --json, not both');
      if (o.markdown) {
        const md = await client()('notes.markdown', { id });
        io.out(`${md.title ? `# ${md.title}\n\n` : ''}${md.markdown}`.trimEnd());
        return;
      }
      const n = await client()('notes.get', { id });
      if (o.json) print(n);
      else
        io.out(
          [
            n.title || '(untitled)',
            ...(n.tags.length ? [`tags: ${n.tags.join(', ')}`] : []),
            `id: ${n.id} · ${n.wordCount} words · updated ${n.updatedAt}`,
            '',
            n.text,
          ].join('\n'),
        );
    });
  note
    .command('rm')
    .description('delete a note (its links stay, shown as deleted, until it is restored)')
    .argument('<id>', 'note id')
    .action(async (id: string) => {
      const n = await client()('notes.delete', { id });
      io.out(`deleted note ${n.id} "${n.title || '(untitled)'}"`);
    });

  const link = program.command('link').description('links between articles, passages and notes');
  link
    .command('add')
    .description('link two things (article, passage or note ids) with a relation')
    .argument('<fromId>', 'id of an article, passage or note')
    .argument('<toId>', 'id of an article, passage or note')
    .requiredOption(
      '--relation <relation>',
      'supports, contradicts, elaborates, see-also, or your own',
    )
    .option('--json', 'print the link as JSON')
    .action(async (fromId: string, toId: string, o: { relation: string; json?: boolean }) => {
      const invoke = client();
      const from = await invoke('links.resolve', { id: fromId });
      const to = await invoke('links.resolve', { id: toId });
      const l = await invoke('links.create', { from, to, relation: o.relation });
      if (o.json) print(l);
      else
        io.out(
          `linked ${from.kind} ${from.id} → ${to.kind} ${to.id} as "${l.relation}" (link ${l.id})`,
        );
    });
  link
    .command('rm')
    .description('remove a link made by hand')
    .argument('<id>', 'link id')
    .action(async (id: string) => {
      const l = await client()('links.delete', { id });
      io.out(
        `removed link ${l.id} (${l.from.kind} ${l.from.id} → ${l.to.kind} ${l.to.id}, "${l.relation}")`,
      );
    });

  program
    .command('links')
    .description(
      'links from and to an article, passage or note (incoming ones include mentions and quotes in notes)',
    )
    .argument('<id>', 'id of an article, passage or note')
    .option('--json', 'print JSON: {ref, outgoing, incoming}')
    .action(async (id: string, o: { json?: boolean }) => {
      const invoke = client();
      const ref = await invoke('links.resolve', { id });
      const { outgoing, incoming } = await invoke('links.list', ref);
      if (o.json) {
        print({ ref, outgoing, incoming });
        return;
      }
      if (!outgoing.length && !incoming.length)
        io.out(`No links from or to ${ref.kind} ${ref.id}.`);
      for (const l of outgoing) io.out(linkLine('→', l));
      for (const l of incoming) io.out(linkLine('←', l));
    });
}
