import { execFileSync } from 'node:child_process';
import { chmodSync, statSync } from 'node:fs';

/**
 * Makes a file or folder truly unwritable for this process and returns the undo (call it before
 * the temp folder is removed). A normal user gets chmod; root ignores modes, so root gets the
 * immutable attribute (`chattr +i`), which stops root's writes too. Null where neither works
 * (root on a file system without the attribute, Windows): the caller skips, saying so.
 */
export function makeUnwritable(path: string): (() => void) | null {
  if (process.platform === 'win32') return null;
  if (process.getuid?.() !== 0) {
    const mode = statSync(path).mode & 0o777;
    chmodSync(path, mode & ~0o222);
    return () => chmodSync(path, mode);
  }
  try {
    execFileSync('chattr', ['+i', path], { stdio: 'ignore' });
  } catch {
    return null;
  }
  return () => execFileSync('chattr', ['-i', path], { stdio: 'ignore' });
}

export const UNWRITABLE_SKIP =
  'skipped: neither chmod (not root) nor chattr +i (root) can make a file unwritable here';
