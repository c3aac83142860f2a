// Types for electron-env.cjs (plain CommonJS so start.mjs runs without a build).
export type Outcome<T> = ({ ok: true } & T) | { ok: false; reason: string };

export const projectRoot: string;
export function electronVersion(): string;
export function electronAbi(): number;
export function findElectron(opts?: {
  tryInstall?: boolean;
  log?: (line: string) => void;
}): Outcome<{ path: string; version: string }>;
export function downloadElectron(opts?: {
  log?: (line: string) => void;
  stallMs?: number;
}): Promise<Outcome<{ path: string; version: string }>>;
export function probeAbi(
  file: string,
): { abi: number; detail?: undefined } | { abi: null; detail: string };
export function ensureElectronSqlite(opts?: {
  log?: (line: string) => void;
}): Outcome<{ binding: string; built: boolean }>;
