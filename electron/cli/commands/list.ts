import type { Command } from 'commander';
import { CommonplaceError } from '../../core/errors';
import type { ArticleSort } from '../../model/library';
import type { CliContext } from '../context';
import { formatSummaryLine } from '../format';
import { parsePositiveInt, parseSort, SORT_FLAGS } from '../options';

interface ListFlags {
  json?: boolean;
  limit: number;
  offset: number;
  tag?: string;
  collection?: string;
  sort: ArticleSort;
  asc?: boolean;
  desc?: boolean;
  filter?: string;
  read?: boolean;
  unread?: boolean;
}

/** `commonplace list`: the library's articles (not in the trash). */
export function registerListCommand(program: Command, context: CliContext): void {
  program
    .command('list')
    .description('list articles (not in the trash), newest import first unless sorted otherwise')
    .option('--json', 'print JSON')
    .option('--limit <n>', 'at most this many', (v) => parsePositiveInt(v, '--limit'), 1000)
    .option('--offset <n>', 'skip this many', (v) => parsePositiveInt(v, '--offset', true), 0)
    .option('--tag <tag>', 'only articles tagged so, or holding passages tagged so')
    .option('--collection <name>', 'only articles in this collection')
    .option('--sort <order>', `order: ${SORT_FLAGS.join(', ')}`, parseSort, 'added' as ArticleSort)
    .option('--asc', 'ascending (oldest, A to Z; each order has its own default)')
    .option('--desc', 'descending (newest, Z to A)')
    .option('--filter <text>', 'only articles whose title, author or site contains the text')
    .option('--read', 'only articles marked read')
    .option('--unread', 'only articles not marked read')
    .addHelpText(
      'after',
      '\nExamples:\n  commonplace list --tag sanctions --sort published\n  commonplace list --unread --json',
    )
    .action(async (o: ListFlags) => {
      if (o.asc && o.desc)
        throw new CommonplaceError('invalid_input', '--asc and --desc: give one');
      if (o.read && o.unread)
        throw new CommonplaceError('invalid_input', '--read and --unread: give one');
      const page = await context.client()('articles.list', {
        offset: o.offset,
        limit: Math.min(o.limit, 1000),
        tag: o.tag,
        collection: o.collection,
        sort: o.sort,
        direction: o.asc ? 'asc' : o.desc ? 'desc' : undefined,
        filter: o.filter,
        read: o.read ? 'read' : o.unread ? 'unread' : undefined,
      });
      if (o.json) context.print(page.items);
      else if (!page.items.length)
        context.io.out(
          o.tag || o.collection || o.filter || o.read || o.unread
            ? 'No articles match.'
            : 'The library is empty. Import files with `commonplace import FILE...`.',
        );
      else for (const a of page.items) context.io.out(formatSummaryLine(a));
    });
}
