import type { Command } from 'commander';
import { Option } from 'commander';
import { SNIPPET_HIT_CLOSE, SNIPPET_HIT_OPEN } from '../../model/search';
import type { CliContext } from '../context';
import { parsePositiveInt } from '../options';

/** `search QUERY` and `reindex` (the search indexes' repair). */
export function registerSearchCommands(program: Command, context: CliContext): void {
  program
    .command('search')
    .description(
      'search articles, passages and notes (words, "phrases", OR, -word, prefix*, tag:, kind:, site:, before:, after:, lang:)',
    )
    .argument('<query...>', 'the query')
    .addOption(
      new Option('--kind <kind>', 'only this kind of result').choices([
        'article',
        'passage',
        'note',
      ]),
    )
    .option('--limit <n>', 'at most this many hits', (v) => parsePositiveInt(v, '--limit'), 20)
    .option('--json', 'print JSON: each hit with kind, id, title, snippet, score')
    .action(
      async (
        words: string[],
        o: { kind?: 'article' | 'passage' | 'note'; limit: number; json?: boolean },
      ) => {
        const r = await context.client()('search.query', {
          query: words.join(' '),
          kind: o.kind,
          limit: Math.min(o.limit, 200),
        });
        const plain = (s: string) =>
          s.replaceAll(SNIPPET_HIT_OPEN, '').replaceAll(SNIPPET_HIT_CLOSE, '');
        if (o.json) context.print(r.hits.map((h) => ({ ...h, snippet: plain(h.snippet) })));
        else if (!r.hits.length) context.io.out('No results.');
        else {
          const about = r.estimated.length ? 'about ' : '';
          context.io.out(
            `${about}${r.total} result${r.total === 1 ? '' : 's'} (${r.counts.article} articles, ${r.counts.passage} passages, ${r.counts.note} notes)`,
          );
          for (const h of r.hits)
            context.io.out(
              `${h.kind.padEnd(7)} ${h.id}  ${h.title}\n        ${plain(h.snippet).replace(/\s+/g, ' ')}`,
            );
        }
      },
    );
  program
    .command('reindex')
    .description('rebuild the search indexes (repair)')
    .action(async () => {
      // One long call with no progress of its own: say what it does before the wait.
      context.io.err(
        'checking and rebuilding the search indexes: it reads every article three times (minutes for a large library)…',
      );
      const r = await context.client()('search.reindex', {});
      context.io.out(
        r.problemsBefore.length
          ? `repaired: ${r.problemsBefore.join('; ')}`
          : 'search indexes were consistent; rebuilt anyway',
      );
      if (r.problemsAfter.length) {
        context.io.err(`still inconsistent: ${r.problemsAfter.join('; ')}`);
        context.fail();
      }
    });
}
