/**
 * fast-check inputs for a contract method, read off its zod input schema: values of the
 * declared shape (the things that exist in the library, boundary numbers and lengths, hostile
 * strings) with, now and then, one part of the wrong type or out of range; and arbitrary JSON.
 * Ids, job ids, tag names and paths are drawn as references into pools (`Ref`) resolved when the
 * call is made, so a generated input names things that exist at that moment.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { UUID_V7 } from '../../model/ids';

/** The pools a generated value may name. */
export type PoolName = 'id' | 'jobId' | 'tag' | 'path' | 'readPath';
export interface Ref {
  $ref: PoolName;
  n: number;
}

interface Def {
  type: string;
  [key: string]: unknown;
}
const defOf = (s: unknown): Def => (s as { _zod: { def: Def } })._zod.def;

interface Check {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}
const checksOf = (d: Def): Check[] =>
  ((d.checks as { _zod: { def: Check } }[] | undefined) ?? []).map((c) => c._zod.def);

const ref = (pool: PoolName): fc.Arbitrary<Ref> =>
  fc.nat({ max: 1000 }).map((n) => ({ $ref: pool, n }));

/** Strings that break naive handling: control characters, bidi, lone surrogates, SQL and path syntax. */
const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202e\u200f',
  '\ud800',
  'a\u0301\u0301\u0301',
  "'; DROP TABLE articles; --",
  '%',
  '%E0%A4%A',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '\r\n',
  'NaN',
  '__proto__',
  'constructor',
  '0190a000-0000-7000-8000-000000000000',
];

export const anyString = (maxLength = 40): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.string({ maxLength, unit: 'grapheme-composite' }) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
    { weight: 1, arbitrary: fc.string({ maxLength, unit: 'binary' }) },
  );

/** Any JSON value (what a client can put in a request body). */
export const anyJson: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });

function stringArb(d: Def, key: string, local: boolean): fc.Arbitrary<unknown> {
  const checks = checksOf(d);
  const regex = checks.find((c) => c.format === 'regex')?.pattern;
  const min = checks.find((c) => c.check === 'min_length')?.minimum ?? 0;
  const max = checks.find((c) => c.check === 'max_length')?.maximum;
  if (regex?.source === UUID_V7.source)
    return fc.oneof(
      { weight: 4, arbitrary: ref('id') },
      { weight: 1, arbitrary: fc.uuid({ version: 7 }) },
      { weight: 1, arbitrary: anyString() },
    );
  if (regex?.source.startsWith('^job-'))
    return fc.oneof(
      { weight: 3, arbitrary: ref('jobId') },
      { weight: 1, arbitrary: fc.stringMatching(/^job-[0-9a-z-]{1,12}$/) },
    );
  if (regex)
    return fc.oneof(
      { weight: 3, arbitrary: fc.stringMatching(regex) },
      { weight: 1, arbitrary: anyString() },
    );
  // Paths only ever name places inside the fuzz folder: a local call writes where it is told.
  if (local && /^paths?$/.test(key)) return ref(key === 'path' ? 'path' : 'readPath');
  if (/tag|name|from|to|into/i.test(key))
    return fc.oneof({ weight: 2, arbitrary: ref('tag') }, { weight: 2, arbitrary: anyString(20) });
  const sizes: fc.Arbitrary<string>[] = [anyString()];
  if (min > 0) sizes.push(fc.string({ minLength: Math.max(0, min - 1), maxLength: min }));
  if (max !== undefined && max <= 200_000)
    sizes.push(fc.constantFrom('x'.repeat(max), 'x'.repeat(max + 1)));
  return fc.oneof(...sizes);
}

function numberArb(d: Def): fc.Arbitrary<unknown> {
  const checks = checksOf(d);
  const lo = checks.find((c) => c.check === 'greater_than')?.value;
  const hi = checks.find((c) => c.check === 'less_than')?.value;
  const edges = [0, 1, -1, 2 ** 31, Number.MAX_SAFE_INTEGER, 0.5, -0];
  if (lo !== undefined) edges.push(lo, lo - 1);
  if (hi !== undefined) edges.push(hi, hi + 1);
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.integer({ min: lo ?? -5, max: Math.min(hi ?? 200, (lo ?? 0) + 200) }),
    },
    { weight: 2, arbitrary: fc.constantFrom(...edges) },
    { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  );
}

/**
 * Values shaped by `schema`; with `wrongness` > 0, any part may instead be arbitrary JSON (the
 * wrong type, a missing or extra key). `key` is the property it sits under (paths, tag names).
 */
export function fromSchema(
  schema: z.ZodType,
  opts: { local: boolean; wrongness: number },
  key = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const shaped = shapedArb(schema, opts, key, depth);
  if (opts.wrongness <= 0 || depth > 4) return shaped;
  const wrongWeight = Math.max(1, Math.round(opts.wrongness * 20));
  return fc.oneof({ weight: 20, arbitrary: shaped }, { weight: wrongWeight, arbitrary: anyJson });
}

function shapedArb(
  schema: z.ZodType,
  opts: { local: boolean; wrongness: number },
  key: string,
  depth: number,
): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  const inner = (s: unknown, k = key) => fromSchema(s as z.ZodType, opts, k, depth + 1);
  switch (d.type) {
    case 'object': {
      const shape = d.shape as Record<string, z.ZodType>;
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(shape)) record[k] = inner(v, k);
      // Required keys are sometimes left out too (when wrongness allows).
      const keys = Object.keys(shape);
      const required =
        opts.wrongness > 0
          ? []
          : keys.filter((k) => !['optional', 'default', 'prefault'].includes(defOf(shape[k]).type));
      return fc.record(record, { requiredKeys: required });
    }
    case 'string':
      return stringArb(d, key, opts.local);
    case 'number':
      return numberArb(d);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(d.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(d.values as unknown[]));
    case 'array': {
      const checks = checksOf(d);
      const max = Math.min(checks.find((c) => c.check === 'max_length')?.maximum ?? 4, 4);
      return fc.array(inner(d.element), { maxLength: max });
    }
    case 'optional':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return d.type === 'optional'
        ? fc.option(inner(d.innerType), { nil: undefined })
        : inner(d.innerType);
    case 'nullable':
      return fc.option(inner(d.innerType), { nil: null });
    case 'union':
      return fc.oneof(...(d.options as z.ZodType[]).map((o) => inner(o)));
    case 'record':
      return fc.dictionary(fc.string({ maxLength: 8 }), inner(d.valueType), { maxKeys: 3 });
    case 'pipe':
      return inner(d.in);
    case 'lazy':
      return depth > 3 ? anyJson : inner((d.getter as () => unknown)());
    default:
      return anyJson;
  }
}

/** Replaces every `Ref` in a generated value with a member of its pool (as the pools are now). */
export function resolveRefs(value: unknown, pools: Record<PoolName, readonly string[]>): unknown {
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, pools));
  if (value && typeof value === 'object') {
    const r = value as Partial<Ref>;
    if (typeof r.$ref === 'string' && typeof r.n === 'number' && Object.keys(value).length === 2) {
      const pool = pools[r.$ref];
      return pool.length ? pool[r.n % pool.length] : `missing-${r.$ref}`;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(v, pools)]));
  }
  return value;
}
