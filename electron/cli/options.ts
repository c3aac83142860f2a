import { InvalidArgumentError } from 'commander';

/** Commander reducer for repeatable options (`--tag a --tag b`). */
export function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function parsePositiveInt(value: string, flag: string, allowZero = false): number {
  // Commander prefixes the option name and the bad value to the message.
  const n = Number(value);
  if (!Number.isInteger(n) || n < (allowZero ? 0 : 1)) {
    throw new InvalidArgumentError(`${flag} must be a whole number${allowZero ? '' : ' above 0'}.`);
  }
  return n;
}
