import type { Command } from 'commander';
import type { CliContext } from '../context';

/** `tag list | rename | merge`. */
export function registerTagCommands(program: Command, context: CliContext): void {
  const tag = program.command('tag').description('tags of passages and articles');
  tag
    .command('list')
    .description('every tag with its passage count')
    .option('--json', 'print JSON')
    .action(async (o: { json?: boolean }) => {
      const tags = await context.client()('tags.list', {});
      if (o.json) context.print(tags);
      else if (!tags.length) context.io.out('No tags.');
      else
        for (const t of tags)
          context.io.out(
            `${t.name}  (${t.count} passage${t.count === 1 ? '' : 's'}, ${t.articleCount} article${t.articleCount === 1 ? '' : 's'}, ${t.noteCount} note${t.noteCount === 1 ? '' : 's'})`,
          );
    });
  tag
    .command('rename')
    .description('rename a tag everywhere')
    .argument('<old>', 'the tag to rename')
    .argument('<new>', 'its new name')
    .action(async (from: string, to: string) => {
      const t = await context.client()('tags.rename', { from, to });
      context.io.out(`renamed "${from}" to "${t.name}" (${t.count} passages)`);
    });
  tag
    .command('merge')
    .description('move everything tagged FROM to INTO and remove FROM')
    .argument('<from>', 'the tag that goes away (its passages and articles take <into>)')
    .argument('<into>', 'the tag that stays')
    .action(async (from: string, into: string) => {
      const t = await context.client()('tags.merge', { from, into });
      context.io.out(`merged "${from}" into "${t.name}" (${t.count} passages)`);
    });
}
