/** `article rm|restore|read|unread`, `trash list|empty`, `collection …`: managing the library. */
import type { Command } from 'commander';
import { CommonplaceError } from '../../core/errors';
import type { ArticleSummary } from '../../model/articles';
import { formatSummaryLine } from '../format';
import type { CliContext } from '../context';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function registerLibraryCommands(program: Command, context: CliContext): void {
  const { io } = context;
  const list = (items: readonly ArticleSummary[], json?: boolean) => {
    if (json) return context.print(items);
    for (const a of items) io.out(formatSummaryLine(a));
  };
  // `article` is declared in article.ts (registered before this file): its subcommands join it.
  const article =
    program.commands.find((c) => c.name() === 'article') ??
    program.command('article').description('an article');

  article
    .command('rm')
    .description('put articles in the trash (`article restore` brings them back)')
    .argument('<ids...>', 'article ids')
    .option('--json', 'print the trashed articles as JSON')
    .action(async (ids: string[], o: { json?: boolean }) => {
      const done = await context.client()('articles.trash', { ids });
      if (o.json) return context.print(done);
      io.out(`moved ${plural(done.length, 'article')} to the trash:`);
      list(done);
    });

  article
    .command('restore')
    .description('take articles out of the trash')
    .argument('<ids...>', 'article ids')
    .option('--json', 'print the restored articles as JSON')
    .action(async (ids: string[], o: { json?: boolean }) => {
      const done = await context.client()('articles.restore', { ids });
      if (o.json) return context.print(done);
      io.out(`restored ${plural(done.length, 'article')}:`);
      list(done);
    });

  for (const [name, read] of [
    ['read', true],
    ['unread', false],
  ] as const)
    article
      .command(name)
      .description(`mark articles ${name}`)
      .argument('<ids...>', 'article ids')
      .action(async (ids: string[]) => {
        const done = await context.client()('articles.markRead', { ids, read });
        io.out(`marked ${plural(done.length, 'article')} ${name}`);
      });

  const trash = program.command('trash').description('articles in the trash');
  trash
    .command('list')
    .description('list the trash, most recently trashed first')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const items = await context.client()('articles.trashList', {});
      if (!items.length && !o.json) return io.out('The trash is empty.');
      list(items, o.json);
    });
  trash
    .command('empty')
    .description(
      'delete the articles in the trash for good, with their passages and links (notes keep their quotes as text)',
    )
    .option('--yes', 'yes, delete them for good (required)')
    .argument('[ids...]', 'only these articles of the trash')
    .action(async (ids: string[], o: { yes?: boolean }) => {
      if (!o.yes)
        throw new CommonplaceError(
          'invalid_input',
          'trash empty deletes articles for good: add --yes to confirm',
        );
      const { deleted } = await context.client()('articles.emptyTrash', {
        ids: ids.length ? ids : undefined,
      });
      io.out(`deleted ${plural(deleted, 'article')} for good`);
    });

  const collection = program
    .command('collection')
    .description('collections of articles (an article can be in several)');
  collection
    .command('list')
    .description('list collections with their number of articles')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const all = await context.client()('collections.list', {});
      if (o.json) return context.print(all);
      if (!all.length)
        return io.out('No collections. Add articles with `commonplace collection add NAME ID...`.');
      for (const c of all) io.out(`${c.name}  (${plural(c.count, 'article')})`);
    });
  collection
    .command('new')
    .description('create an empty collection (to fill later, from the app or `collection add`)')
    .argument('<name>', 'collection name')
    .action(async (name: string) => {
      const c = await context.client()('collections.create', { name });
      io.out(`created collection ${c.name}`);
    });
  collection
    .command('add')
    .description('put articles in a collection (created if it does not exist)')
    .argument('<name>', 'collection name')
    .argument('<ids...>', 'article ids')
    .action(async (name: string, ids: string[]) => {
      const c = await context.client()('collections.add', { name, ids });
      io.out(`${c.name}: ${plural(c.count, 'article')}`);
    });
  collection
    .command('rm')
    .description('take articles out of a collection (the articles stay in the library)')
    .argument('<name>', 'collection name')
    .argument('<ids...>', 'article ids')
    .action(async (name: string, ids: string[]) => {
      const c = await context.client()('collections.remove', { name, ids });
      io.out(`${c.name}: ${plural(c.count, 'article')}`);
    });
  collection
    .command('rename')
    .description('rename a collection')
    .argument('<name>', 'its name')
    .argument('<new-name>', 'the new name')
    .action(async (name: string, newName: string) => {
      const found = (await context.client()('collections.list', {})).find(
        (c) => c.name.toLocaleLowerCase() === name.trim().toLocaleLowerCase(),
      );
      if (!found)
        throw new CommonplaceError('not_found', `collection "${name}": no such collection`);
      const c = await context.client()('collections.rename', { id: found.id, name: newName });
      io.out(`renamed to ${c.name}`);
    });
  collection
    .command('delete')
    .description('delete a collection (its articles stay in the library)')
    .argument('<name>', 'collection name')
    .action(async (name: string) => {
      const found = (await context.client()('collections.list', {})).find(
        (c) => c.name.toLocaleLowerCase() === name.trim().toLocaleLowerCase(),
      );
      if (!found)
        throw new CommonplaceError('not_found', `collection "${name}": no such collection`);
      await context.client()('collections.delete', { id: found.id });
      io.out(`deleted collection ${found.name}`);
    });
}
