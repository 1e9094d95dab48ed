/**
 * The outcome of parsing user input. Parsers return this instead of throwing
 * because bad input is an expected case (a clerk's typo, a messy Excel cell):
 * the caller decides whether it becomes a field error, an import-report row,
 * or a CLI message.
 */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; message: string };

export const ok = <T>(value: T): ParseResult<T> => ({ ok: true, value });

/** Typed as ParseResult<never> so a failure can be returned from a parser of any value type. */
export const fail = (message: string): ParseResult<never> => ({ ok: false, message });
