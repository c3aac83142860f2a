/**
 * The benches' command-line reader: `--flag value` pairs and bare switches, read in order. Each
 * bench keeps its own loop over the flags (so its options stay in one readable list) and asks
 * this for the flag's value, so every bench rejects a missing or bad value with the same message
 * naming the flag.
 */

/** One flag of the command line, with readers for the argument that follows it. */
interface BenchArg {
  readonly flag: string;
  /** The next argument, as given. */
  value(): string;
  /** The next argument as a whole number above 0 (`10_000` is allowed). */
  positive(): number;
}

export function* benchArgs(args: readonly string[]): Generator<BenchArg> {
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    const value = (): string => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const positive = (): number => {
      const v = value();
      const n = Number(v.replaceAll('_', ''));
      if (!Number.isInteger(n) || n < 1)
        throw new Error(`${flag} must be a whole number above 0, got "${v}"`);
      return n;
    };
    yield { flag, value, positive };
  }
}

/** The error for a flag the bench does not know, listing the ones it does. */
export function unknownOption(flag: string, known: string): Error {
  return new Error(`unknown option ${flag}; known: ${known}`);
}
