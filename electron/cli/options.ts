import { InvalidArgumentError } from 'commander';
import { ARTICLE_SORTS, ArticleSortSchema, type ArticleSort } from '../model/library';

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

/** `--sort` values: the list's orders, `lastRead` also written `last-read`. */
export const SORT_FLAGS = ARTICLE_SORTS.map((s) => (s === 'lastRead' ? 'last-read' : s));

export function parseSort(value: string): ArticleSort {
  const sort = value === 'last-read' ? 'lastRead' : value;
  const parsed = ArticleSortSchema.safeParse(sort);
  if (!parsed.success)
    throw new InvalidArgumentError(`--sort must be one of ${SORT_FLAGS.join(', ')}.`);
  return parsed.data;
}
