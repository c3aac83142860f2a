import type { Command } from 'commander';
import type { CliContext } from '../context';
import { formatArticle } from '../format';

/** `commonplace show ID`: one article with its text. */
export function registerShowCommand(program: Command, context: CliContext): void {
  program
    .command('show')
    .description('show one article with its text')
    .argument('<id>', 'article id')
    .option('--json', 'print JSON (includes text and body)')
    .action(async (id: string, o: { json?: boolean }) => {
      const article = await context.client()('articles.get', { id });
      context.io.out(o.json ? JSON.stringify(article, null, 2) : formatArticle(article));
    });
}
