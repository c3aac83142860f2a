// `npm run bench [-- NAME [options]]`. Vitest bench files run under vitest; the rest run from
// the built bundle (out/main/bench.js). With no name, every benchmark runs with its defaults.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const [name, ...rest] = process.argv.slice(2);
const vitestBenches = {
  anchoring: 'electron/bench/anchoring.bench.ts',
  sync: 'electron/bench/sync.bench.ts',
  bulk: 'electron/bench/bulk.bench.ts',
};
const builtBenches = ['search', 'export', 'import', 'html', 'texts'];
// Plain Node scripts that drive the built app (CLI + renderer): built only when out/ is missing.
const scriptBenches = {
  marks: 'electron/bench/marks/run.mjs',
  notes: 'electron/bench/notes/run.mjs',
  pageview: 'electron/bench/pageview/run.mjs',
  cli: 'electron/bench/cli/run.mjs',
};
const known = [...Object.keys(vitestBenches), ...builtBenches, ...Object.keys(scriptBenches)];

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const names = name ? [name] : known;
let built = false;
for (const n of names) {
  if (n in vitestBenches)
    run('npx', ['vitest', 'bench', '--run', vitestBenches[n], ...(name ? rest : [])]);
  else if (builtBenches.includes(n)) {
    if (!built) run('npm', ['run', '-s', 'build']);
    built = true;
    run(process.execPath, ['out/main/bench.js', n, ...(name ? rest : [])]);
  } else if (n in scriptBenches) {
    if (!built && !existsSync('out/main/cli.js')) run('npm', ['run', '-s', 'build']);
    built = true;
    run(process.execPath, [scriptBenches[n], ...(name ? rest : [])]);
  } else {
    console.error(`unknown benchmark "${n}"; known: ${known.join(', ')}`);
    process.exit(2);
  }
}
