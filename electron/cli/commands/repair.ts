import { resolve } from 'node:path';
import type { Command } from 'commander';
import type { TableRecovery } from '../../core/db/repair';
import type { CliContext } from '../context';

function tableLine(t: TableRecovery): string {
  const lost =
    t.unreadable === null
      ? ', an unknown number unreadable'
      : t.unreadable
        ? `, ${t.unreadable} unreadable`
        : '';
  const orphaned = t.orphaned ? `, ${t.orphaned} dropped (what they belonged to was lost)` : '';
  return `  ${t.table}: ${t.copied} recovered${lost}${orphaned}`;
}

/** `check` and `repair --out NEW`: for a library file that reports damage. Neither changes the library. */
export function registerRepairCommands(program: Command, context: CliContext): void {
  program
    .command('check')
    .description("SQLite's integrity check of the library file (read-only)")
    .action(async () => {
      // Loaded here: the other commands never pay for the repair code and its index rebuild.
      const { checkLibraryFile } = await import('../../core/db/repair');
      const file = context.libraryPath();
      const problems = checkLibraryFile(file);
      if (!problems.length) return context.io.out(`${file}: ok`);
      for (const p of problems) context.io.err(`${file}: ${p}`);
      context.io.err(
        `${file}: damaged; \`commonplace repair --out NEW.sqlite\` copies what is readable into a new file`,
      );
      context.fail();
    });

  program
    .command('repair')
    .description(
      'copy what is readable of a damaged library into a NEW file (the damaged one is left as it is)',
    )
    .requiredOption('--out <file>', 'the new library file to write (must not exist)')
    .action(async (o: { out: string }) => {
      const { repairLibrary } = await import('../../core/db/repair');
      const r = repairLibrary(context.libraryPath(), resolve(o.out));
      if (r.method === 'vacuum')
        context.io.out(`${r.source} passed its integrity check; a clean copy is at ${r.path}`);
      else {
        context.io.out(
          `recovered into ${r.path} (${r.problems.length ? `the damage: ${r.problems[0]}` : 'damage found while reading'}):`,
        );
        for (const t of r.tables) context.io.out(tableLine(t));
        context.io.out(
          `${r.source} is unchanged; check the new file, then use it with --library ${r.path}`,
        );
      }
    });
}
