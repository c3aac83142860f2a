import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { CommonplaceError, errorMessage } from '../../core/errors';
import type { CliContext } from '../context';

/**
 * `commonplace reparse` and `commonplace original`: the original file kept with each article;
 * `commonplace update`: the file it was imported from, read again; `commonplace ocr`: a scan read.
 */
export function registerImportsCommands(program: Command, context: CliContext): void {
  program
    .command('reparse')
    .description(
      "import an article again from its kept original with today's importer (passages re-anchor)",
    )
    .argument('<id>', 'article id')
    .option('--json', 'print the article summary and the re-anchoring report as JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      const { article, report } = await context.client()('articles.reparse', { id });
      if (o.json) {
        const { text: _text, body: _body, ...summary } = article;
        return context.print({ article: summary, report });
      }
      context.io.out(
        `re-parsed ${article.id} "${article.title}" (${article.format}): passages ${report.unchanged} unchanged, ${report.moved} moved, ${report.changed} changed, ${report.orphaned} orphaned`,
      );
    });

  program
    .command('ocr')
    .description(
      'read a scanned PDF article with OCR (offline) and put the text in the article (passages re-anchor)',
    )
    .argument('<id>', 'article id')
    .option('--json', 'print the final job status as JSON')
    .action(async (id: string, o: { json?: boolean }) => {
      const client = context.client();
      let status = await client('articles.ocrStart', { id });
      let shown = -1;
      while (status.state === 'running') {
        if (!o.json && status.page !== shown && status.total) {
          shown = status.page;
          context.io.err(`OCR page ${status.page} of ${status.total}…`);
        }
        await new Promise((r) => setTimeout(r, 200));
        status = await client('articles.ocrStatus', { jobId: status.jobId });
      }
      if (o.json) return context.print(status);
      if (status.state !== 'finished' || !status.report)
        throw new CommonplaceError('parse_error', status.error ?? `OCR of ${id} ${status.state}`);
      const r = status.report;
      context.io.out(
        `read ${status.total} page${status.total === 1 ? '' : 's'} of ${id} with OCR (${status.language}): passages ${r.unchanged} unchanged, ${r.moved} moved, ${r.changed} changed, ${r.orphaned} orphaned`,
      );
    });

  program
    .command('update')
    .description(
      'read again the file an article was imported from (its source) and update the article (passages re-anchor)',
    )
    .argument('<id>', 'article id')
    .option(
      '--json',
      'print the article summary and the re-anchoring report (null: unchanged) as JSON',
    )
    .action(async (id: string, o: { json?: boolean }) => {
      const { article, report } = await context.client()('articles.updateFromSource', { id });
      if (o.json) return context.print({ article, report });
      context.io.out(
        report
          ? `updated ${article.id} "${article.title}" from ${article.source}: passages ${report.unchanged} unchanged, ${report.moved} moved, ${report.changed} changed, ${report.orphaned} orphaned`
          : `${article.id} "${article.title}": ${article.source} has not changed`,
      );
    });

  program
    .command('original')
    .description('write the original file an article was imported from')
    .argument('<id>', 'article id')
    .requiredOption('--out <file>', 'where to write it (an existing file is not overwritten)')
    .action(async (id: string, o: { out: string }) => {
      const original = await context.client()('articles.original', { id });
      const path = resolve(o.out);
      try {
        writeFileSync(path, Buffer.from(original.dataBase64, 'base64'), { flag: 'wx' });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new CommonplaceError(
          'io_error',
          code === 'EEXIST'
            ? `${path}: already exists; choose another --out`
            : `${path}: cannot be written (${errorMessage(e)})`,
        );
      }
      context.io.out(
        `wrote ${original.fileName} (${original.mediaType}, ${original.size} bytes) to ${path}`,
      );
    });
}
