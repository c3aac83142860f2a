// Types for watchdog.cjs.
export function bytesUnder(target: string): number;
export function formatBytes(n: number): string;
export function runWatched(
  command: string,
  args: string[],
  opts?: {
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    stallMs?: number;
    tickMs?: number;
    measure?: () => number;
    onProgress?: (bytes: number) => void;
  },
): Promise<{ code: number | null; stalled: boolean; output: string }>;
