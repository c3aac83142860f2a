/** Full-text search over articles and passages: the query language, the search, index upkeep. */
export {
  parseQuery,
  SEARCH_KINDS,
  type SearchKind,
  type SearchQuery,
  type TextTerm,
} from './query';
export { search, type SearchHit, type SearchOptions, type SearchResult } from './search';
export { HIT_CLOSE, HIT_OPEN } from './snippet';
export { checkSearchIndexes, rebuildSearchIndexes } from './rebuild';
