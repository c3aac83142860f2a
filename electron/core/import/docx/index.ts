export { parseDocx } from './parse';
