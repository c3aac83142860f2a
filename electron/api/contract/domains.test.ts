import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '.';
import { METHOD_DOMAINS } from './domains';

/**
 * The contract is split one way: `contract/<domain>.ts` declares a domain's calls and
 * `handlers/<domain>.ts` answers exactly those. A call declared in one domain and answered in
 * another (or a domain file without its twin) fails here.
 */
const CONTRACT_DIR = __dirname;
const HANDLERS_DIR = join(__dirname, '..', 'handlers');
// Not domains: the joiners, the `call` helper, and the handlers' shared types and services.
const NOT_DOMAINS = new Set(['index', 'call', 'domains', 'types', 'services']);

function domainFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !/\.(test|spec)\.ts$/.test(f))
    .map((f) => f.slice(0, -3))
    .filter((d) => !NOT_DOMAINS.has(d))
    .sort();
}

async function contractOf(domain: string): Promise<Record<string, unknown>> {
  const mod = (await import(/* @vite-ignore */ join(CONTRACT_DIR, `${domain}.ts`))) as Record<
    string,
    unknown
  >;
  const tables = Object.entries(mod).filter(([name]) => name.endsWith('Contract'));
  expect(
    tables.map(([n]) => n),
    `contract/${domain}.ts exports one method table`,
  ).toHaveLength(1);
  return tables[0]![1] as Record<string, unknown>;
}

/** Method names a handlers file answers: its `'domain.call':` keys. */
function handledIn(domain: string): string[] {
  const src = readFileSync(join(HANDLERS_DIR, `${domain}.ts`), 'utf8');
  return [...src.matchAll(/^\s*'([a-zA-Z]+\.[a-zA-Z]+)'\s*:/gm)].map((m) => m[1]!).sort();
}

describe('the contract is split per domain, beside the handlers', () => {
  it('each contract domain has a handlers file of the same name, and the other way round', () => {
    expect(domainFiles(CONTRACT_DIR)).toEqual(domainFiles(HANDLERS_DIR));
  });

  it("each domain's handlers answer exactly the calls its contract file declares", async () => {
    const all: string[] = [];
    for (const domain of domainFiles(CONTRACT_DIR)) {
      const declared = Object.keys(await contractOf(domain)).sort();
      expect(handledIn(domain), `handlers/${domain}.ts`).toEqual(declared);
      // The dispatcher loads a call's domain by this table (domains.ts).
      for (const method of declared)
        expect(METHOD_DOMAINS[method as keyof typeof METHOD_DOMAINS], method).toBe(domain);
      all.push(...declared);
    }
    // contract/index.ts joins every domain, and nothing else.
    expect(Object.keys(contract).sort()).toEqual(all.sort());
    expect(Object.keys(METHOD_DOMAINS).sort()).toEqual(all.sort());
  });
});
