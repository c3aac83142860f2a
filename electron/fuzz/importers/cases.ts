/**
 * The fuzz inputs: case `index` of a format under a run's seed is always the same bytes, so a
 * failure is reproduced from three numbers. The first cases of a format are its seeds as they
 * are (and some later ones); the rest are mutated seeds (bytes, text and encodings, entries inside ZIP containers,
 * splices) or generated hostile structures.
 */
import { prng } from '../../test/prng';
import { zip, unzip } from './containers';
import { HOSTILE } from './hostile';
import { int, mutateBytes, mutateText, pick, type Mutated, type Rng } from './mutate';
import { EXTENSIONS, FUZZ_FORMATS, seeds, type FuzzFormat } from './seeds';

export interface FuzzCase {
  format: FuzzFormat;
  seed: number;
  index: number;
  /** File name the import sees (and every message about it must name). */
  name: string;
  bytes: Uint8Array;
  /** What was done to which seed, for the failure report. */
  how: string;
}

/** One PRNG per case, from the run's seed, the format and the index. */
function caseRng(seed: number, format: FuzzFormat, index: number): Rng {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  for (const n of [FUZZ_FORMATS.indexOf(format) + 1, index + 1])
    h = Math.imul(h ^ n, 0x85ebca6b) ^ (h >>> 13);
  return prng(h >>> 0);
}

const ZIPPED: ReadonlySet<FuzzFormat> = new Set(['docx', 'epub']);

/** A mutation applied to one entry of a ZIP container, which is then zipped again (still a valid ZIP). */
function mutateEntry(
  rng: Rng,
  bytes: Uint8Array,
  mutate: (rng: Rng, b: Uint8Array) => Mutated,
): Mutated | null {
  const entries = unzip(bytes);
  if (!entries?.length) return null;
  const i = int(rng, entries.length);
  const [name, content] = entries[i]!;
  const m = mutate(rng, content);
  entries[i] = [name, m.bytes];
  return { bytes: zip(entries), how: `entry ${name}: ${m.how}` };
}

export function fuzzCase(format: FuzzFormat, seed: number, index: number, scale = 1): FuzzCase {
  const rng = caseRng(seed, format, index);
  const pool = seeds()[format];
  let ext = EXTENSIONS[format];
  const named = (m: Mutated, from: string): FuzzCase => {
    // Sometimes the name lies about the format: detection goes by the bytes.
    if (rng() < 0.1)
      ext = pick(rng, ['txt', 'md', 'html', 'pdf', 'epub', 'docx', 'json', 'bin', '']);
    return {
      format,
      seed,
      index,
      name: `fuzz-${format}-${index}${ext ? `.${ext}` : ''}`,
      bytes: m.bytes,
      how: `${from}: ${m.how}`,
    };
  };
  // The first two cases, and a tenth of the rest, are seeds as they are: they must import.
  if (index < Math.min(2, pool.length))
    return named({ bytes: pool[index]!.bytes, how: 'unchanged' }, pool[index]!.label);
  const base = pick(rng, pool);
  if (rng() < 0.1) return named({ bytes: base.bytes, how: 'unchanged' }, base.label);
  const r = rng();
  if (r < 0.3) {
    const hostile = pick(rng, HOSTILE[format]);
    return named(hostile(rng, scale), 'generated');
  }
  if (r < 0.55) {
    const m =
      (ZIPPED.has(format) && mutateEntry(rng, base.bytes, mutateText)) ||
      mutateText(rng, base.bytes);
    return named(m, base.label);
  }
  if (r < 0.7 && ZIPPED.has(format)) {
    const m = mutateEntry(rng, base.bytes, mutateBytes);
    if (m) return named(m, base.label);
  }
  if (r < 0.95) {
    // One to three byte mutations stacked.
    let m = mutateBytes(rng, base.bytes);
    const hows = [m.how];
    for (let k = int(rng, 3); k > 0; k--) {
      m = mutateBytes(rng, m.bytes);
      hows.push(m.how);
    }
    return named({ bytes: m.bytes, how: hows.join(', then ') }, base.label);
  }
  // A splice: the start of this seed, the end of another format's.
  const other = pick(rng, seeds()[pick(rng, FUZZ_FORMATS)]);
  const cut = int(rng, base.bytes.length);
  const from = int(rng, other.bytes.length);
  const spliced = new Uint8Array(cut + other.bytes.length - from);
  spliced.set(base.bytes.subarray(0, cut));
  spliced.set(other.bytes.subarray(from), cut);
  return named(
    { bytes: spliced, how: `first ${cut} bytes, then ${other.label} from byte ${from}` },
    base.label,
  );
}
