export { ZipReader } from './read';
export { attr, byLocalName, firstText, nestsDeeperThan, parseXml } from './xml';
