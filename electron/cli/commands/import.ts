import type { Command } from 'commander';
import type { CliContext } from '../context';
import { EXIT } from '../exitCodes';
import { formatImportLine, importResultJson } from '../format';
import { formatImportSummary, runImportJob } from '../importJob';

/** `commonplace import PATHS…`: files, and folders recursively. */
export function registerImportCommand(program: Command, context: CliContext): void {
  const { io } = context;
  program
    .command('import')
    .description('import files, and folders recursively (hidden and system files are skipped)')
    .argument('<paths...>', 'files and folders to import')
    .option('--json', 'print a JSON array of the results, one per file')
    .option(
      '--update',
      'when a file changed since it was imported, update the article (its passages re-anchor)',
    )
    .addHelpText(
      'after',
      '\nExamples:\n  commonplace import paper.pdf notes.md ~/Sources\n  commonplace import --update changed.txt',
    )
    .action(async (paths: string[], o: { json?: boolean; update?: boolean }) => {
      const report = await runImportJob(
        context.connect(),
        paths,
        o.update ? 'update' : 'offer',
        io.progress,
      );
      if (o.json) context.print(report.results.map(importResultJson));
      for (const r of report.results) {
        if (!r.ok) io.err(formatImportLine(r));
        else if (!o.json) io.out(formatImportLine(r));
        // Imported, but not as the user may think (no text layer, front matter ignored).
        if (r.ok) for (const w of r.warnings ?? []) io.err(`warning: ${w}`);
      }
      if (report.error) io.err(`commonplace: ${report.error}`);
      if (!o.json && (report.results.length > 1 || report.notReached > 0))
        io.out(formatImportSummary(report));
      if (report.state !== 'finished' || report.counts.failed > 0) context.fail(EXIT.failed);
    });
}
