/** `commonplace info`: which library the CLI works on and how big it is. */
import type { Command } from 'commander';
import type { CliContext } from '../context';

export function registerInfoCommand(program: Command, context: CliContext): void {
  program
    .command('info')
    .description('the library file in use, its article count and schema version')
    .option('--json', 'print the library info as JSON')
    .action(async (o: { json?: boolean }) => {
      const info = await context.client()('library.info', {});
      if (o.json) return context.print(info);
      context.io.out(`library: ${info.path}`);
      context.io.out(`articles: ${info.articleCount}`);
      context.io.out(`schema version: ${info.schemaVersion}`);
    });
}
