export { parseHtml } from './parse';
