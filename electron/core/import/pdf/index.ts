export { MAX_PDF_PAGES, NO_TEXT_NOTICE, parsePdf } from './parse';
