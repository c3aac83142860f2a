// Types for import-cycles.mjs (plain ESM so `npm run cycles` runs without a build).
/** file → the files it imports, all as root-relative paths with `/`. */
export function importGraph(root: string, dirs: readonly string[]): Map<string, string[]>;
/** Each knot of import cycles (a strongly connected component), its files sorted. */
export function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][];
export const SOURCE_DIRS: readonly string[];
