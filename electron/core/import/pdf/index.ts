export { parsePdf } from './parse';
