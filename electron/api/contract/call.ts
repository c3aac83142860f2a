/** A method's declaration in the contract: its schemas, whether it mutates, who may call it. */
import type { z } from 'zod';

/**
 * Who may call a method. `client`: any transport. `desktop`: in-process and the desktop app's own
 * page over IPC, never HTTP (it reads local paths the person picked or dropped in the app).
 * `local`: in-process only (CLI, Electron main).
 */
export const EXPOSURES = ['client', 'desktop', 'local'] as const;
export type Exposure = (typeof EXPOSURES)[number];

export function call<I extends z.ZodType, O extends z.ZodType, E extends Exposure>(spec: {
  input: I;
  output: O;
  /** Changes the library (clients refresh on the change events it causes). */
  mutates: boolean;
  exposure: E;
  summary: string;
}) {
  return spec;
}
