/** Messages between a parse pool (parent) and its parser thread. Structured-clone safe. */
import type { ErrorCode } from '../../errors';
import type { ParsedArticle } from '../types';

export interface ParseRequest {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  source?: string;
}

export type ParseReply =
  | { type: 'ready' }
  | { type: 'parsed'; id: number; parsed: ParsedArticle }
  /** `code` null: not one of our errors (a parser bug); the message is passed on as it was. */
  | { type: 'failed'; id: number; code: ErrorCode | null; message: string };
