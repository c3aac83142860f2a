export { parsePastedText } from './pasted';
