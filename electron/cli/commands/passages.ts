import type { Command } from 'commander';
import { Option } from 'commander';
import { PASSAGE_COLORS, type PassageColor } from '../../model/passages';
import type { CliContext } from '../context';
import { formatPassageLine } from '../format';
import { collect, parsePositiveInt } from '../options';

/** `passage add | list | rm`. */
export function registerPassageCommands(program: Command, context: CliContext): void {
  const passage = program
    .command('passage')
    .description('passages: highlighted, tagged, commented quotes');
  passage
    .command('add')
    .description('keep a passage of an article by quoting it')
    .argument('<articleId>', 'article id')
    .requiredOption('--quote <text>', 'the exact text; it must occur in the article')
    .option(
      '--occurrence <n>',
      'which occurrence of the quote (default: the first)',
      (v) => parsePositiveInt(v, '--occurrence'),
      1,
    )
    .option('--tag <tag>', 'tag (repeat for more)', collect, [])
    .option('--comment <text>', 'comment', '')
    .addOption(
      new Option('--color <color>', 'highlight colour').choices(PASSAGE_COLORS).default('yellow'),
    )
    .option('--json', 'print the passage as JSON')
    .action(
      async (
        articleId: string,
        o: {
          quote: string;
          occurrence: number;
          tag: string[];
          comment: string;
          color: PassageColor;
          json?: boolean;
        },
      ) => {
        const p = await context.client()('passages.createFromQuote', {
          articleId,
          quote: o.quote,
          occurrence: o.occurrence,
          tags: o.tag,
          comment: o.comment,
          color: o.color,
        });
        if (o.json) context.print(p);
        else context.io.out(formatPassageLine(p));
      },
    );
  passage
    .command('list')
    .description('list passages in reading order')
    .option('--article <id>', 'only this article')
    .option('--tag <tag>', 'only passages with this tag')
    .option('--json', 'print JSON')
    .action(async (o: { article?: string; tag?: string; json?: boolean }) => {
      const list = await context.client()('passages.list', { articleId: o.article, tag: o.tag });
      if (o.json) context.print(list);
      else if (!list.length) context.io.out('No passages.');
      else for (const p of list) context.io.out(formatPassageLine(p));
    });
  passage
    .command('rm')
    .description('delete a passage')
    .argument('<id>', 'passage id')
    .action(async (id: string) => {
      const p = await context.client()('passages.delete', { id });
      context.io.out(`deleted passage ${p.id} "${p.quote.slice(0, 60)}"`);
    });
}
