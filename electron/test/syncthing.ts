/**
 * Real Syncthing instances on loopback for tests (Debian's `syncthing`, 1.19 here; `.ci/run`
 * installs it). Each instance has its own home, API key, GUI/REST address and sync listen address
 * on 127.0.0.1; discovery, relays, NAT, usage and crash reporting are off; devices are paired by
 * explicit address and folders shared through the REST API; the folder watcher is off, so a test
 * decides when a folder is scanned. Waits are on conditions (REST status, the files), never sleeps.
 * Every instance started here is stopped by `useSyncthing`'s afterEach (process group killed), and
 * by a process-exit hook as a last resort.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach } from 'vitest';

export const SYNCTHING = ['/usr/bin/syncthing', '/usr/local/bin/syncthing'].find((p) =>
  existsSync(p),
);

/** Process groups still running, killed when the test process exits whatever happened. */
const live = new Set<number>();
process.on('exit', () => {
  for (const pid of live) killGroup(pid, 'SIGKILL');
});

/** Children of `pid` (Linux /proc): a monitor's child runs in a process group of its own. */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((n) => /^\d+$/.test(n));
  } catch {
    return out;
  }
  for (const n of entries) {
    try {
      const stat = readFileSync(`/proc/${n}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(n));
    } catch {
      // Gone meanwhile.
    }
  }
  return out;
}

/** Signals the process group of `pid` and of each of its descendants. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  const all = [pid];
  for (let i = 0; i < all.length; i++) all.push(...childrenOf(all[i]!));
  for (const p of all)
    for (const target of [-p, p])
      try {
        process.kill(target, signal);
      } catch {
        // Already gone, or not a group leader.
      }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether a failed fetch is a reused connection the other side had closed (nothing was sent back). */
function closedUnderUs(e: unknown): boolean {
  const cause = e instanceof Error ? (e.cause as { code?: string } | undefined) : undefined;
  return cause?.code === 'UND_ERR_SOCKET' || cause?.code === 'ECONNRESET';
}

/** Polls `check` until it returns a value other than undefined/false, or fails after `ms`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false> | T | undefined | false,
  ms = 120_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await check();
      if (v !== undefined && v !== false) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${ms / 1000} s waiting for ${what}${last ? ` (${String(last)})` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Sets `<name>…</name>` in config.xml (each element named here appears once in a generated one). */
function setElement(xml: string, name: string, value: string): string {
  const re = new RegExp(`<${name}>[^<]*</${name}>`);
  if (!re.test(xml)) throw new Error(`config.xml has no <${name}>`);
  return xml.replace(re, `<${name}>${value}</${name}>`);
}

export interface Syncthing {
  readonly name: string;
  readonly home: string;
  readonly deviceId: string;
  readonly listenAddress: string;
  /** A REST call (X-API-Key header); answers JSON or text. */
  rest<T = unknown>(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH',
    path: string,
    body?: unknown,
  ): Promise<T>;
  /** Kills the whole process group at once (SIGKILL), as a crash or power cut would. */
  kill(): Promise<void>;
  /** Stops it (SIGTERM, then SIGKILL if it lingers) and waits for the exit. */
  stop(): Promise<void>;
  /** Starts it again with the same home (config, keys, database): ready when REST answers. */
  start(): Promise<void>;
  /** The end of its log, for failure messages. */
  log(): string;
}

async function createInstance(name: string, homes: string[]): Promise<Syncthing> {
  if (!SYNCTHING) throw new Error('syncthing is not installed (apt-get install syncthing)');
  const home = mkdtempSync(join(tmpdir(), `commonplace-st-${name}-`));
  homes.push(home);
  const apiKey = randomBytes(16).toString('hex');
  const [guiPort, listenPort] = [await freePort(), await freePort()];
  const listenAddress = `tcp://127.0.0.1:${listenPort}`;

  const generated = await run(SYNCTHING, ['generate', '--home', home, '--no-default-folder']);
  const deviceId = /Device ID: ([A-Z0-9-]{63})/.exec(generated)?.[1];
  if (!deviceId) throw new Error(`syncthing generate printed no device ID:\n${generated}`);
  const configFile = join(home, 'config.xml');
  let xml = readFileSync(configFile, 'utf8');
  xml = xml.replace(/(<gui [^>]*>\s*<address>)[^<]*(<\/address>)/, `$1127.0.0.1:${guiPort}$2`);
  xml = setElement(xml, 'apikey', apiKey);
  xml = setElement(xml, 'listenAddress', listenAddress);
  for (const [k, v] of Object.entries({
    globalAnnounceEnabled: 'false',
    localAnnounceEnabled: 'false',
    relaysEnabled: 'false',
    natEnabled: 'false',
    urAccepted: '-1',
    crashReportingEnabled: 'false',
    startBrowser: 'false',
    autoUpgradeIntervalH: '0',
    // A dial that failed because the other one wasn't listening yet is retried soon.
    reconnectionIntervalS: '1',
  }))
    xml = setElement(xml, k, v);
  writeFileSync(configFile, xml);

  const base = `http://127.0.0.1:${guiPort}`;
  let child: ChildProcess | null = null;
  let exited: Promise<void> = Promise.resolve();
  let logTail = '';

  const rest = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let res: Response;
    for (let attempt = 1; ; attempt++) {
      try {
        res = await fetch(base + path, {
          method,
          headers: {
            'X-API-Key': apiKey,
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(60_000),
        });
        break;
      } catch (e) {
        // A kept-alive connection the server closed as it went idle fails the request that
        // reused it before the server read it ("other side closed", seen under load): send it
        // again on a new connection. Anything else, or a third failure, is the test's to see.
        if (attempt >= 3 || !closedUnderUs(e)) throw e;
      }
    }
    const text = await res.text();
    if (!res.ok)
      throw new Error(`syncthing ${name}: ${method} ${path} → ${res.status} ${text.trim()}`);
    try {
      return JSON.parse(text) as T;
    } catch {
      return text as T;
    }
  };

  const start = async () => {
    if (child) throw new Error(`syncthing ${name} is already running`);
    const proc = spawn(
      SYNCTHING,
      ['serve', '--home', home, '--no-browser', '--no-restart', '--no-upgrade'],
      {
        detached: true, // its own process group, killed whole
        stdio: ['ignore', 'pipe', 'pipe'],
        // STMONITORED: serve in this process, without the monitor that would run the real one as
        // a child in another process group (a kill must reach what writes the files).
        env: {
          ...process.env,
          STNODEFAULTFOLDER: '1',
          STNOUPGRADE: '1',
          STNORESTART: '1',
          STMONITORED: '1',
        },
      },
    );
    child = proc;
    live.add(proc.pid!);
    const keep = (b: Buffer) => {
      logTail = (logTail + b.toString()).slice(-6000);
    };
    proc.stdout!.on('data', keep);
    proc.stderr!.on('data', keep);
    exited = new Promise((r) =>
      proc.once('exit', () => {
        live.delete(proc.pid!);
        if (child === proc) child = null;
        r();
      }),
    );
    let gone = false;
    void exited.then(() => (gone = true));
    await waitFor(`syncthing ${name} to answer on ${base}`, async () => {
      if (gone) throw new Error(`syncthing ${name} exited:\n${logTail}`);
      const pong = await rest<{ ping?: string }>('GET', '/rest/system/ping');
      return pong.ping === 'pong';
    });
  };

  const kill = async () => {
    const pid = child?.pid;
    if (pid === undefined) return;
    killGroup(pid, 'SIGKILL');
    await exited;
  };

  const stop = async () => {
    const pid = child?.pid;
    if (pid === undefined) return;
    killGroup(pid, 'SIGTERM');
    const t = setTimeout(() => killGroup(pid, 'SIGKILL'), 15_000);
    await exited;
    clearTimeout(t);
  };

  await start();
  return {
    name,
    home,
    deviceId,
    listenAddress,
    rest: rest as Syncthing['rest'],
    kill,
    stop,
    start,
    log: () => logTail,
  };
}

function run(cmd: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    p.stdout.on('data', (b: Buffer) => (out += b.toString()));
    p.stderr.on('data', (b: Buffer) => (out += b.toString()));
    p.once('error', reject);
    p.once('exit', (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${cmd} ${args.join(' ')} exited ${code}:\n${out}`)),
    );
  });
}

/**
 * Instances for one test: `start(name)` launches one; all are stopped after the test (also when it
 * failed) and their homes removed.
 */
export function useSyncthing(): { start(name: string): Promise<Syncthing> } {
  const started: Syncthing[] = [];
  const homes: string[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((s) => s.stop()));
    for (const h of homes.splice(0)) rmSync(h, { recursive: true, force: true });
  });
  return {
    async start(name) {
      const s = await createInstance(name, homes);
      started.push(s);
      return s;
    },
  };
}

/**
 * Shares one folder among instances (each with its own path): every instance knows every other by
 * its explicit address, and the folder lists them all. The watcher is off and periodic rescans are
 * rare: tests scan when they have written.
 */
export async function shareFolder(
  folderId: string,
  members: { st: Syncthing; path: string }[],
  folderOptions: Record<string, unknown> = {},
): Promise<void> {
  for (const { st, path } of members) {
    for (const other of members)
      if (other.st !== st)
        await st.rest('POST', '/rest/config/devices', {
          deviceID: other.st.deviceId,
          name: other.st.name,
          addresses: [other.st.listenAddress],
        });
    await st.rest('POST', '/rest/config/folders', {
      id: folderId,
      label: folderId,
      path,
      type: 'sendreceive',
      fsWatcherEnabled: false,
      rescanIntervalS: 3600,
      devices: members.map((m) => ({ deviceID: m.st.deviceId })),
      ...folderOptions,
    });
  }
  for (const { st } of members)
    await waitFor(`${st.name} to connect to the others`, async () => {
      const c = await st.rest<{ connections: Record<string, { connected: boolean }> }>(
        'GET',
        '/rest/system/connections',
      );
      return members.every((m) => m.st === st || c.connections[m.st.deviceId]?.connected);
    });
}

/** The files of a synced folder as `path size` lines (Syncthing's own markers and temps left out). */
export function folderFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.name === '.stfolder' || e.name === '.stversions' || e.name === '.stignore') continue;
      if (/^\.syncthing\..*\.tmp$|^~syncthing~.*\.tmp$/.test(e.name)) continue;
      if (e.isDirectory()) walk(p);
      else out.push(`${relative(dir, p)} ${statSync(p).size}`);
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Scans the folder on every instance, then waits until every copy holds the same files and each
 * instance reports nothing left to pull and every other device's copy complete.
 */
export async function waitInSync(
  folderId: string,
  members: { st: Syncthing; path: string }[],
  ms = 180_000,
): Promise<void> {
  for (const { st } of members) await st.rest('POST', `/rest/db/scan?folder=${folderId}`);
  await waitFor(
    `folder ${folderId} in sync on ${members.map((m) => m.st.name).join(', ')}`,
    async () => {
      const first = folderFiles(members[0]!.path).join('\n');
      if (members.some((m) => folderFiles(m.path).join('\n') !== first)) return false;
      for (const { st } of members) {
        const s = await st.rest<{ state: string; needTotalItems: number }>(
          'GET',
          `/rest/db/status?folder=${folderId}`,
        );
        if (s.state !== 'idle' || s.needTotalItems !== 0) return false;
        for (const other of members) {
          if (other.st === st) continue;
          const c = await st.rest<{ completion: number }>(
            'GET',
            `/rest/db/completion?folder=${folderId}&device=${other.st.deviceId}`,
          );
          if (c.completion !== 100) return false;
        }
      }
      return true;
    },
    ms,
  );
}
