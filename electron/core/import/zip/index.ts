export { DEFAULT_ZIP_LIMITS, listZip, ZipReader, type ZipEntry, type ZipLimits } from './read';
export { attr, byLocalName, firstText, MAX_XML_DEPTH, nestsDeeperThan, parseXml } from './xml';
