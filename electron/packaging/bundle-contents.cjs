// What a packed Commonplace must and must not contain, as small checks over plain data (the list
// of app.asar entries, the fuse wire, the .desktop text) so each can be tested on its own. Each
// returns a list of problems, empty when all is well. Used by dist-check.mjs.
'use strict';

/** Entries the app cannot run without. */
const REQUIRED = [
  'out/main/index.js',
  'out/main/importWorker.js',
  'out/preload/index.js',
  'out/renderer/index.html',
  'package.json',
];

/** Entries that must never ship: [test, why]. */
const FORBIDDEN = [
  [(e) => e === 'out/main/bench.js', 'the benchmark bundle'],
  [(e) => e.endsWith('.map'), 'a source map'],
  [(e) => /\.(test|spec)\.[cm]?[jt]sx?$/.test(e), 'test code'],
  [(e) => /(^|\/)node_modules\/@types\//.test(e), 'type declarations (@types)'],
  [
    (e) => /(^|\/)node_modules\/prebuild-install\//.test(e),
    "better-sqlite3's install helper (prebuild-install)",
  ],
  [
    (e) => /(^|\/)node_modules\/better-sqlite3\/(src|deps|build)\//.test(e),
    "better-sqlite3's sources or its Node build",
  ],
  [(e) => /^(electron|renderer|e2e|resources)\//.test(e), 'source files'],
];

/**
 * Checks the file list of app.asar (paths relative to its root, '/'-separated).
 * `dependencies`: package.json's runtime dependencies, each of which must be there.
 */
function contentProblems(entries, dependencies) {
  const set = new Set(entries);
  const problems = [];
  for (const need of REQUIRED) if (!set.has(need)) problems.push(`missing ${need}`);
  for (const dep of dependencies)
    if (!set.has(`node_modules/${dep}/package.json`))
      problems.push(`missing the runtime dependency ${dep}`);
  for (const [test, why] of FORBIDDEN) {
    const hits = entries.filter(test);
    if (hits.length)
      problems.push(
        `ships ${why}: ${hits.slice(0, 3).join(', ')}${hits.length > 3 ? ` and ${hits.length - 3} more` : ''}`,
      );
  }
  return problems;
}

// electron-builder.yml electronFuses key → index in Electron's fuse wire (@electron/fuses FuseV1Options).
const FUSE_INDEX = {
  runAsNode: 0,
  enableCookieEncryption: 1,
  enableNodeOptionsEnvironmentVariable: 2,
  enableNodeCliInspectArguments: 3,
  enableEmbeddedAsarIntegrityValidation: 4,
  onlyLoadAppFromAsar: 5,
  loadBrowserProcessSpecificV8Snapshot: 6,
  grantFileProtocolExtraPrivileges: 7,
};
const ENABLED = 0x31; // '1'
const DISABLED = 0x30; // '0'

/** Checks the fuse wire read from the packed executable (@electron/fuses getCurrentFuseWire) against the config. */
function fuseProblems(wire, fuses) {
  const problems = [];
  for (const [name, wanted] of Object.entries(fuses)) {
    if (!(name in FUSE_INDEX)) {
      problems.push(`unknown fuse ${name} in the config`);
      continue;
    }
    const state = wire[FUSE_INDEX[name]];
    const expected = wanted ? ENABLED : DISABLED;
    if (state !== expected)
      problems.push(
        `fuse ${name} is ${state === ENABLED ? 'on' : state === DISABLED ? 'off' : `in state ${state}`}, the config says ${wanted ? 'on' : 'off'}`,
      );
  }
  return problems;
}

/** Parses a .desktop file's [Desktop Entry] group into key → value. */
function parseDesktopEntry(text) {
  const entry = {};
  let inMain = false;
  for (const line of text.split('\n')) {
    if (/^\[.*\]$/.test(line.trim())) inMain = line.trim() === '[Desktop Entry]';
    else if (inMain && line.includes('='))
      entry[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
  }
  return entry;
}

/**
 * Checks the Linux desktop entry: it launches the app with the URL/file placeholder, handles
 * every `schemes` and `mimeTypes`, has the category and a window class matching desktopName.
 */
function desktopEntryProblems(text, want) {
  const entry = parseDesktopEntry(text);
  const problems = [];
  const mime = new Set((entry.MimeType || '').split(';').filter(Boolean));
  for (const scheme of want.schemes)
    if (!mime.has(`x-scheme-handler/${scheme}`))
      problems.push(`MimeType lacks x-scheme-handler/${scheme}`);
  for (const type of want.mimeTypes) if (!mime.has(type)) problems.push(`MimeType lacks ${type}`);
  if (!/ %[uUfF]$/.test(entry.Exec || ''))
    problems.push(`Exec does not pass links and files to the app: ${entry.Exec}`);
  if (!(entry.Categories || '').split(';').includes(want.category))
    problems.push(`Categories is ${entry.Categories}, not ${want.category}`);
  if (entry.StartupWMClass !== want.desktopName.replace(/\.desktop$/, ''))
    problems.push(
      `StartupWMClass is ${entry.StartupWMClass}, not desktopName's ${want.desktopName}`,
    );
  if (entry.Name !== want.productName)
    problems.push(`Name is ${entry.Name}, not ${want.productName}`);
  return problems;
}

module.exports = {
  contentProblems,
  fuseProblems,
  parseDesktopEntry,
  desktopEntryProblems,
  REQUIRED,
};
