export { parseEpub } from './parse';
