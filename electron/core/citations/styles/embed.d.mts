/** The source of files.generated.ts for the CSL files beside it today. */
export function embeddedSource(): string;
