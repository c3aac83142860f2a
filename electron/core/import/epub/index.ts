export { MAX_EPUB_CHAPTERS, parseEpub } from './parse';
