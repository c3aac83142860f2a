import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { CliContext } from '../context';

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${(bytes / 1024).toFixed(1)} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

const summary = (counts: Record<string, number>) =>
  `${counts.articles ?? 0} articles, ${counts.passages ?? 0} passages, ${counts.tags ?? 0} tags, ${counts.notes ?? 0} notes, ${counts.links ?? 0} links`;

/** `import-json FILE` and `backup --out FILE` (the whole-library export is `export --all --format json`). */
export function registerTransferCommands(program: Command, context: CliContext): void {
  program
    .command('import-json')
    .description(
      'restore a whole-library JSON export (from `export --all --format json`) into an empty library',
    )
    .argument('<file>', 'the JSON file')
    .option('--json', 'print the result as JSON')
    .action(async (file: string, o: { json?: boolean }) => {
      const r = await context.client()('library.importJson', { path: resolve(file) });
      if (o.json) return context.print(r);
      context.io.out(`imported ${summary(r.counts)} into ${context.libraryPath()}`);
    });

  program
    .command('backup')
    .description("a consistent copy of the library file through SQLite's online backup")
    .requiredOption(
      '--out <file>',
      'the copy to write (replaced only once the new copy is complete and checked)',
    )
    .option('--json', 'print the result as JSON')
    .action(async (o: { out: string; json?: boolean }) => {
      const r = await context.client()('library.backup', { path: resolve(o.out) });
      if (o.json) return context.print(r);
      context.io.out(
        `backed up ${context.libraryPath()} to ${r.path} (${size(r.bytes)}, integrity checked)`,
      );
    });
}

/** `export --all --format json --out FILE`: called by the export command when --all is given. */
export async function exportWholeLibrary(
  context: CliContext,
  out: string,
  json: boolean | undefined,
): Promise<void> {
  const r = await context.client()('library.exportJson', { path: resolve(out) });
  if (json) return context.print(r);
  context.io.out(
    `exported the whole library (${summary(r.counts)}) to ${r.path} (${size(r.bytes)})`,
  );
}
