/**
 * Anchoring of passages (highlights) in an article's canonical text: selectors to store, and
 * re-anchoring after the text changed. Pure functions, no database; see reanchor.ts for the
 * strategy and its tuning.
 */
export { describeRange, findQuote } from './selectors';
export type { Selectors } from './selectors';
export { reanchor, reanchorAll } from './reanchor';
export type { Placement } from './reanchor';
export { reanchorAfterEdit } from './after-edit';
