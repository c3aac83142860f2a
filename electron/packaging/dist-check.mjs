#!/usr/bin/env node
// `npm run dist:check`: packs an unpacked Linux app exactly as `npm run dist` would (same
// electron-builder.yml, same hooks), but offline, with a STAND-IN Electron distribution (no
// download), then checks the bundle and that a Node-ABI native module is refused.
//
// Stand-ins, said plainly: the Electron "binary" is a shell script carrying Electron's fuse wire,
// and better-sqlite3's Electron build is a small library compiled here with the C compiler that
// only exports `node_register_module_v<Electron's ABI>` (a real one needs Electron's headers or the
// prebuilt download, neither reachable offline). Nothing in the bundle is run or loaded; the checks
// read files. The runtime dependencies ARE loaded, with plain Node, from the extracted app.asar.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const projectRequire = createRequire(join(ROOT, 'package.json'));
const YAML = projectRequire('yaml');
const asar = projectRequire('@electron/asar');
const { getCurrentFuseWire } = projectRequire('@electron/fuses');
const { makeStandInElectronDist, buildStandInNodeModule } = require('./stand-ins.cjs');
const { electronFacts } = require('./electron-sqlite.cjs');
const { readNativeAbi } = require('./native-abi.cjs');
const { checkBundleAbi } = require('./bundle-abi.cjs');
const { contentProblems, fuseProblems, desktopEntryProblems } = require('./bundle-contents.cjs');
const hooks = require('./pack-hooks.cjs');

const started = Date.now();
const say = (line) => console.log(`[dist:check] ${line}`);
const failures = [];
const check = (what, problems) => {
  if (problems.length) failures.push(...problems.map((p) => `${what}: ${p}`));
  say(
    `${problems.length ? 'FAIL' : 'ok  '} ${what}${problems.length ? `\n    ${problems.join('\n    ')}` : ''}`,
  );
};

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const config = YAML.parse(readFileSync(join(ROOT, 'electron-builder.yml'), 'utf8'));
const electron = electronFacts();
const expected = {
  abi: electron.abi,
  version: electron.version,
  runtime: `Electron ${electron.version}`,
};

for (const built of ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html']) {
  if (!existsSync(join(ROOT, built))) {
    console.error(`[dist:check] ${built} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

const work = mkdtempSync(join(tmpdir(), 'cp-dist-check-'));
try {
  // 1. The stand-ins.
  const electronDist = makeStandInElectronDist(join(work, 'electron-dist'), electron.version);
  const standIn = buildStandInNodeModule(
    join(work, 'stand-in', 'better_sqlite3.node'),
    electron.abi,
  );
  if (!standIn.ok)
    throw new Error(
      `cannot build the stand-in native module: ${standIn.reason} (install a C compiler, e.g. apt install gcc)`,
    );
  const nodeBuild = join(
    dirname(projectRequire.resolve('better-sqlite3/package.json')),
    'build',
    'Release',
    'better_sqlite3.node',
  );

  // 2. The refusal, as a user would meet it: the CLI with a Node-ABI better-sqlite3 stops before packing.
  say('packing with the Node build of better-sqlite3 (must be refused)…');
  const builderCli = projectRequire.resolve('electron-builder/cli.js');
  const cliArgs = [
    builderCli,
    '--linux',
    'dir',
    `-c.electronDist=${electronDist}`,
    '-c.npmRebuild=false',
    `-c.directories.output=${join(work, 'refused')}`,
    '--publish',
    'never',
  ];
  const refused = spawnSync(process.execPath, cliArgs, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, COMMONPLACE_ELECTRON_SQLITE: nodeBuild },
  });
  const refusedText = `${refused.stdout}\n${refused.stderr}`;
  check('electron-builder refuses a Node-ABI better-sqlite3', [
    ...(refused.status === 0 ? ['electron-builder succeeded'] : []),
    ...(/Refusing to package/.test(refusedText) &&
    refusedText.includes(`not Electron ${electron.version}'s ABI ${electron.abi}`)
      ? []
      : [
          `no refusal naming the ABI in its output: ${refusedText.trim().split('\n').slice(-3).join(' | ')}`,
        ]),
    ...(existsSync(join(work, 'refused', 'linux-unpacked', 'resources', 'app.asar'))
      ? ['an app was packed anyway']
      : []),
  ]);

  // 3. The real pack, with electron-builder's own Linux desktop-entry code run on its packager.
  say(
    `packing an unpacked Linux app with the stand-ins… (${((Date.now() - started) / 1000).toFixed(1)} s so far)`,
  );
  process.env.COMMONPLACE_ELECTRON_SQLITE = standIn.file;
  // app-builder-lib's build() takes our Packager (electron-builder's own wrapper makes another).
  const { build, Platform, Arch, Packager } = projectRequire('app-builder-lib');
  const { LinuxTargetHelper } = projectRequire('app-builder-lib/out/targets/LinuxTargetHelper');
  const options = {
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    config: { electronDist, npmRebuild: false, directories: { output: join(work, 'dist') } },
    publish: 'never',
  };
  const packager = new Packager(options);
  let desktopEntry = '';
  packager.onAfterPack(async (context) => {
    desktopEntry = await new LinuxTargetHelper(context.packager).computeDesktopEntry(
      context.packager.platformSpecificBuildOptions,
    );
  });
  await build(options, packager);
  const app = join(work, 'dist', 'linux-unpacked');
  const resources = join(app, 'resources');

  // 4. What is in app.asar.
  const archive = join(resources, 'app.asar');
  const entries = asar.listPackage(archive, { isPack: false }).map((e) =>
    e
      .replace(/^[\\/]/, '')
      .split('\\')
      .join('/'),
  );
  check(
    'app.asar holds the built app and runtime dependencies only',
    contentProblems(entries, Object.keys(pkg.dependencies)),
  );
  say(`app.asar: ${(statSync(archive).size / 1e6).toFixed(1)} MB, ${entries.length} entries`);

  // 5. The runtime dependencies load from the bundle (plain Node, the same require()s out/main makes).
  const extracted = join(work, 'extracted');
  asar.extractAll(archive, extracted);
  const required = new Set();
  const imported = new Set();
  for (const file of entries.filter((e) => /^out\/main\/.*\.js$/.test(e))) {
    for (const m of readFileSync(join(extracted, file), 'utf8').matchAll(
      /(require|import)\("([^".][^"]*)"\)/g,
    )) {
      if (!m[2].startsWith('node:') && m[2] !== 'electron')
        (m[1] === 'require' ? required : imported).add(m[2]);
    }
  }
  // require()d modules are loaded (so their own dependencies are found too); the dynamic
  // import()s (pdf.js, loaded lazily after the app sets up its globals) must resolve to a file.
  const loader = join(extracted, 'out', 'main', 'load-deps.mjs');
  writeFileSync(
    loader,
    [
      "import { createRequire } from 'node:module';",
      "import { existsSync } from 'node:fs';",
      "import { fileURLToPath } from 'node:url';",
      'const require = createRequire(import.meta.url);',
      `for (const spec of ${JSON.stringify([...required])}) {`,
      "  try { require(spec); } catch (e) { console.log(`${spec}: ${e.message.split('\\n')[0]}`); }",
      '}',
      `for (const spec of ${JSON.stringify([...imported])}) {`,
      '  let url;',
      "  try { url = import.meta.resolve(spec); } catch (e) { console.log(`${spec}: ${e.message.split('\\n')[0]}`); continue; }",
      '  if (!existsSync(fileURLToPath(url))) console.log(`${spec}: resolves to the missing ${url}`);',
      '}',
      '',
    ].join('\n'),
  );
  // NODE_PATH unset and the bundle in a temp folder: nothing resolves from the project's node_modules.
  const load = spawnSync(process.execPath, [loader], {
    cwd: extracted,
    encoding: 'utf8',
    env: { ...process.env, NODE_PATH: '' },
  });
  check(
    `every module out/main needs is in the bundle (${required.size} loaded, ${imported.size} resolved)`,
    [
      ...load.stdout.split('\n').filter(Boolean),
      ...(load.status !== 0
        ? [`the loader exited with ${load.status}: ${load.stderr.trim().split('\n').pop()}`]
        : []),
    ],
  );

  // 5b. The packed CLI imports one file of every format: the trimmed bundle's parsers work. It runs
  // under plain Node from the EXTRACTED copy, which gets Node's build of better-sqlite3 for that
  // (the bundle itself has no build in node_modules: the app loads resources/native).
  const smoke = join(work, 'smoke');
  mkdirSync(smoke);
  const { createJiti } = projectRequire('jiti');
  const { writeSmokeFiles } = await createJiti(import.meta.url).import('./smoke-files.ts');
  const phrases = await writeSmokeFiles(smoke);
  const extractedSqlite = join(extracted, 'node_modules', 'better-sqlite3', 'build', 'Release');
  mkdirSync(extractedSqlite, { recursive: true });
  copyFileSync(nodeBuild, join(extractedSqlite, 'better_sqlite3.node'));
  const cli = (args) =>
    spawnSync(
      process.execPath,
      [
        join(extracted, 'out', 'main', 'cli.js'),
        '--library',
        join(smoke, 'library.sqlite'),
        ...args,
      ],
      { cwd: smoke, encoding: 'utf8', env: { ...process.env, NODE_PATH: '' } },
    );
  const importRun = cli(['import', ...Object.keys(phrases).map((f) => join(smoke, f))]);
  const exported =
    importRun.status === 0
      ? cli(['export', '--all', '--format', 'json', '--out', join(smoke, 'all.json')])
      : importRun;
  const smokeProblems = [];
  if (exported.status !== 0)
    smokeProblems.push(
      `the CLI failed: ${(exported.stderr || exported.stdout).trim().split('\n').slice(-3).join(' | ')}`,
    );
  else {
    const texts = JSON.parse(readFileSync(join(smoke, 'all.json'), 'utf8'))
      .tables.articles.map((a) => a.text)
      .join('\n');
    for (const [file, phrase] of Object.entries(phrases))
      if (!texts.includes(phrase)) smokeProblems.push(`${file}: its text was not imported`);
  }
  check(
    `the packed CLI imports ${Object.keys(phrases)
      .map((f) => f.split('.')[1])
      .join(', ')}`,
    smokeProblems,
  );

  // 6. The native module: unpacked, in resources/native, Electron's ABI, the one we supplied.
  const placed = join(resources, ...hooks.NATIVE_BINDING);
  const stamp = readNativeAbi(placed);
  check(
    `better-sqlite3 for Electron in resources/${hooks.NATIVE_BINDING.join('/')} (stand-in, ABI ${electron.abi})`,
    [
      ...(!existsSync(placed) ? ['missing'] : []),
      ...(existsSync(placed) && !readFileSync(placed).equals(readFileSync(standIn.file))
        ? ['not the module the hook was given']
        : []),
      ...(stamp.ok && stamp.abi === electron.abi ? [] : [`its stamp: ${JSON.stringify(stamp)}`]),
    ],
  );
  const bundle = checkBundleAbi(app, expected);
  say(
    `native modules: ${bundle.modules.map((m) => `${m.file} (${m.stamp.ok ? m.stamp.abi : '?'})`).join(', ')}`,
  );
  check('every .node in the bundle is built for Electron', [
    ...bundle.problems,
    // N-API modules (pdf.js's canvas addon) load under any ABI; the only ABI-bound one is ours.
    ...(bundle.modules
      .filter((m) => m.stamp.ok && m.stamp.abi !== 'napi')
      .map((m) => m.file)
      .join() === `resources/${hooks.NATIVE_BINDING.join('/')}`
      ? []
      : [
          `expected resources/${hooks.NATIVE_BINDING.join('/')} as the only ABI-bound module, found: ${bundle.modules.map((m) => m.file).join(', ')}`,
        ]),
  ]);

  // 7. The fuses electron-builder flipped in the executable.
  const wire = await getCurrentFuseWire(join(app, config.linux.executableName));
  check('fuses as electron-builder.yml sets them', fuseProblems(wire, config.electronFuses));

  // 8. Identity, desktop entry, scheme and file associations.
  // The app's scheme and the formats it imports are facts of the app, not whatever the config says.
  const SCHEME = 'commonplace';
  const mimeTypes = [
    'application/pdf',
    'application/epub+zip',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'text/html',
    'multipart/related',
    'text/markdown',
    'text/plain',
  ];
  const exts = (config.fileAssociations ?? []).flatMap((a) => [].concat(a.ext));
  const identity = [];
  for (const key of ['homepage', 'author', 'repository', 'description', 'desktopName', 'license'])
    if (!pkg[key]) identity.push(`package.json has no ${key}`);
  for (const ext of ['pdf', 'epub', 'docx', 'html', 'htm', 'mhtml', 'mht', 'md', 'txt'])
    if (!exts.includes(ext)) identity.push(`no file association for .${ext}`);
  if (!config.linux.syncDesktopName)
    identity.push(
      'linux.syncDesktopName is off: the .desktop file would not be named for desktopName',
    );
  for (const [os, file, magic] of [
    ['mac', config.mac?.icon, 'icns'],
    ['win', config.win?.icon, '\0\0\x01\0'],
    ['linux', config.linux?.icon && join(config.linux.icon, '512x512.png'), '\x89PNG'],
  ]) {
    if (!file) {
      identity.push(`no ${os} icon in the config`);
      continue;
    }
    const path = join(ROOT, file);
    if (!existsSync(path) || readFileSync(path).subarray(0, 4).toString('latin1') !== magic)
      identity.push(`the ${os} icon ${file} is missing or not a ${os} icon`);
  }
  check('identity, file associations and icons', identity);
  check(
    'the Linux desktop entry (computed by electron-builder for deb/AppImage)',
    desktopEntry
      ? desktopEntryProblems(desktopEntry, {
          schemes: [SCHEME],
          mimeTypes,
          category: config.linux.category,
          desktopName: pkg.desktopName,
          productName: config.productName,
        })
      : ['electron-builder computed no desktop entry'],
  );
  if (desktopEntry)
    say(
      `the desktop entry deb/AppImage install:\n      ${desktopEntry.trim().split('\n').join('\n      ')}`,
    );

  // 9. The after-pack check itself refuses a Node-ABI module that got into the bundle.
  const planted = join(
    resources,
    'app.asar.unpacked',
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  mkdirSync(dirname(planted), { recursive: true });
  copyFileSync(nodeBuild, planted);
  let refusal = '';
  try {
    await hooks.afterPack({
      appOutDir: app,
      electronPlatformName: 'linux',
      arch: Arch.x64,
      packager: { appInfo: { productFilename: config.productName } },
    });
  } catch (e) {
    refusal = e.message;
  }
  check('the after-pack check refuses a Node-ABI module in the bundle', [
    ...(refusal.includes(
      'app.asar.unpacked/node_modules/better-sqlite3/build/Release/better_sqlite3.node: built for ABI',
    )
      ? []
      : [`no refusal naming the planted module: ${refusal || 'it passed'}`]),
    ...(refusal.includes('What to do') ? [] : ['the refusal does not say what to do']),
  ]);
} catch (e) {
  failures.push(e.stack || String(e));
  console.error(e);
} finally {
  rmSync(work, { recursive: true, force: true });
}

const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length) {
  console.error(`[dist:check] ${failures.length} problem(s) in ${seconds} s.`);
  process.exit(1);
}
say(`all checks passed in ${seconds} s`);
