// Types for electron-sqlite.cjs.
export type Outcome<T> = ({ ok: true } & T) | { ok: false; reason: string };

export function electronFacts(): { version: string; abi: number };
export function defaultCacheRoot(): string;
export function cleanEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
export function obtainElectronSqlite(opts?: {
  platform?: string;
  arch?: string;
  cacheRoot?: string;
  stallMs?: number;
  log?: (line: string) => void;
  compile?: () => Promise<Outcome<{ binding: string }>> | Outcome<{ binding: string }>;
}): Promise<Outcome<{ binding: string; how: 'cached' | 'prebuilt' | 'compiled' }>>;
