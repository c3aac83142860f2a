import type { Method, Output, ParsedInput } from '../contract';

/** One function per contract entry; a missing or mistyped handler fails to compile. */
export type Handlers = { [M in Method]: (input: ParsedInput<M>) => Output<M> | Promise<Output<M>> };
