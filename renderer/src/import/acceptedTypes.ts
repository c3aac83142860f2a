/** What the file picker offers; the importer decides what it can really read. */
export const ACCEPTED_FILE_TYPES = [
  '.txt,.md,.markdown,.html,.htm,.xhtml,.mhtml,.mht,.pdf,.epub,.docx,.zip',
  'text/plain,text/markdown,text/html,multipart/related,application/pdf,application/epub+zip,application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
].join(',');
