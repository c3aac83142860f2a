import { UNTITLED } from '../../../model/titles';

/** The last-resort title of an imported file: its name without folder and extension. */
export function titleFromFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  const dot = base.lastIndexOf('.');
  const stem = (dot > 0 ? base.slice(0, dot) : base).trim();
  return stem || base || UNTITLED;
}
