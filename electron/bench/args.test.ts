import { describe, expect, it } from 'vitest';
import { benchArgs, unknownOption } from './args';

/** A small reader the way a bench writes one. */
function read(args: string[]): { n: number; out: string; keep: boolean } {
  const o = { n: 1, out: 'x.json', keep: false };
  for (const a of benchArgs(args)) {
    if (a.flag === '--n') o.n = a.positive();
    else if (a.flag === '--out') o.out = a.value();
    else if (a.flag === '--keep') o.keep = true;
    else throw unknownOption(a.flag, '--n N --out FILE --keep');
  }
  return o;
}

describe('bench arguments', () => {
  it('reads values, switches and whole numbers with underscores, in any order', () => {
    expect(read(['--keep', '--n', '10_000', '--out', 'r.json'])).toEqual({
      n: 10_000,
      out: 'r.json',
      keep: true,
    });
    expect(read([])).toEqual({ n: 1, out: 'x.json', keep: false });
  });

  it('names the flag when its value is missing or not a whole number above 0', () => {
    expect(() => read(['--out'])).toThrow('--out needs a value');
    expect(() => read(['--n'])).toThrow('--n needs a value');
    for (const bad of ['0', '-3', '1.5', 'ten'])
      expect(() => read(['--n', bad])).toThrow(`--n must be a whole number above 0, got "${bad}"`);
  });

  it('rejects an unknown flag, listing the known ones', () => {
    expect(() => read(['--files', '3'])).toThrow(
      'unknown option --files; known: --n N --out FILE --keep',
    );
  });
});
