export { DEFAULT_ZIP_LIMITS, listZip, ZipReader, type ZipLimits } from './read';
export { attr, byLocalName, firstText, nestsDeeperThan, parseXml } from './xml';
