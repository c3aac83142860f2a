/**
 * `--version`, `--help` for every command, and the exit codes: declared once (exitCodes.ts),
 * printed by `--help`, repeated in the README, and each produced by a real failing invocation.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { SHARED_ARTICLE, useTempDir } from '../test/temp';
import { EXIT, EXIT_CODES } from './exitCodes';
import { createProgram, runCli } from './program';

const tempDir = useTempDir();
const ROOT = join(__dirname, '..', '..');

async function cli(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: {},
    rendererDir: '/nonexistent',
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Every command with the words that reach it (`passage add` → ['passage', 'add']). */
function commandsOf(command: Command, path: string[] = []): { path: string[]; command: Command }[] {
  return command.commands.flatMap((c) => [
    { path: [...path, c.name()], command: c },
    ...commandsOf(c, [...path, c.name()]),
  ]);
}

const io = { out: () => {}, err: () => {}, env: {}, rendererDir: '/nonexistent' };
const ALL = commandsOf(createProgram(io).program);

describe('commonplace --version and --help', () => {
  it('--version and -V print package.json’s version', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    expect(await cli(['--version'])).toEqual({ code: 0, out: version, err: '' });
    expect(await cli(['-V'])).toEqual({ code: 0, out: version, err: '' });
  });

  it('every command is described, and so is each of its options and arguments', () => {
    expect(ALL.length).toBeGreaterThan(30);
    for (const { path, command } of ALL) {
      const name = path.join(' ');
      expect(command.description(), name).not.toBe('');
      for (const option of command.options)
        expect(option.description, `${name} ${option.flags}`).not.toBe('');
      for (const arg of command.registeredArguments)
        expect(arg.description, `${name} <${arg.name()}>`).not.toBe('');
    }
  });

  it('`CMD --help` and `help CMD` exit 0 and list every option of every command', async () => {
    for (const { path, command } of ALL) {
      const byFlag = await cli([...path, '--help']);
      // `help CMD` asks the parent: `help list`, `passage help add`.
      const byHelp = await cli([...path.slice(0, -1), 'help', path.at(-1)!]);
      for (const r of [byFlag, byHelp]) {
        expect(r.code, path.join(' ')).toBe(0);
        expect(r.out, path.join(' ')).toContain(`Usage: commonplace ${path.join(' ')}`);
        for (const option of command.options) expect(r.out, path.join(' ')).toContain(option.flags);
      }
    }
  });
});

describe('exit codes', () => {
  it('--help prints the table, and the README’s CLI section holds the same', async () => {
    const help = await cli(['--help']);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const { code, meaning } of EXIT_CODES) {
      expect(help.out).toContain(`  ${code}  ${meaning}`);
      expect(readme).toContain(`| ${code} | ${meaning} |`);
    }
  });

  it('each code comes from a real invocation that ends that way', async () => {
    const dir = tempDir();
    const lib = join(dir, 'lib.sqlite');
    const seen = new Map<number, string>();
    const expectCode = async (code: number, args: string[]) => {
      const r = await cli(args);
      expect(r.code, `${args.join(' ')}: ${r.err}`).toBe(code);
      seen.set(code, args.join(' '));
    };
    await expectCode(EXIT.ok, ['--library', lib, 'import', SHARED_ARTICLE]);
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '');
    await expectCode(EXIT.failed, ['--library', lib, 'import', empty]);
    await expectCode(EXIT.usage, ['--library', lib, 'list', '--no-such-option']);
    await expectCode(EXIT.usage, ['--library', lib, 'no-such-command']);
    await expectCode(EXIT.notFound, [
      '--library',
      lib,
      'show',
      '01900000-0000-7000-8000-000000000000',
    ]);
    const newer = join(dir, 'newer.sqlite');
    const raw = new BetterSqlite3(newer);
    raw.pragma('user_version = 999');
    raw.close();
    await expectCode(EXIT.library, ['--library', newer, 'list']);
    expect([...seen.keys()].sort()).toEqual(EXIT_CODES.map((c) => c.code));
  });
});
