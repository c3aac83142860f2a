/** Full-text search over articles and passages: the query language, the search, index upkeep. */
export { search } from './search';
export { checkSearchIndexes, rebuildSearchIndexes } from './rebuild';
