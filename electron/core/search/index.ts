/** Full-text search over articles and passages: the query language, the search, index upkeep. */
export { parseQuery, type SearchQuery, type TextTerm } from './query';
export { search, type SearchHit, type SearchOptions, type SearchResult } from './search';
export { checkSearchIndexes, rebuildSearchIndexes } from './rebuild';
