/** What the file picker offers; the importer decides what it can really read. */
export const ACCEPTED_FILE_TYPES = '.txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html';
