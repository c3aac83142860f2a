import { runExportBench } from './export/run';
import { runHtmlBench } from './html/run';
import { runImportBench } from './import/run';
import { runSearchBench } from './search/run';
import { runTextsBench } from './import/texts';

/**
 * `npm run bench -- NAME [args]`: benchmarks that need the built core (bundled to out/main/bench.js).
 * Each prints a table and writes a JSON report under bench/results/.
 */
const benches: Record<string, (args: string[]) => Promise<void>> = {
  search: runSearchBench,
  import: runImportBench,
  export: runExportBench,
  html: runHtmlBench,
  texts: runTextsBench,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || !(name in benches)) {
    process.stderr.write(`usage: npm run bench -- <${Object.keys(benches).join('|')}> [options]\n`);
    return 2;
  }
  await benches[name]!(args);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    process.stderr.write(
      `bench failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
    );
    process.exitCode = 1;
  },
);
