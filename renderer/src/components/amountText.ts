/**
 * Amount fields keep what the clerk typed (the form must never lose input),
 * and turn it into fen only when it is read. These helpers are the one place
 * that conversion happens for forms, so every amount field accepts exactly
 * what parseAmountToFen accepts (12,345.6, full-width digits, ¥) and says the
 * same thing when it refuses.
 */
import { z } from 'zod';
import { fenToDecimalString } from '../../../shared/money/format';
import { parseAmountToFen, type AmountOptions } from '../../../shared/money/parseAmount';
import { ok, type ParseResult } from '../../../shared/result';

/** '' (nothing typed) -> null; otherwise the fen, or the parser's message. */
export function parseAmountText(text: string, opts: AmountOptions = {}): ParseResult<number | null> {
  if (text.trim() === '') return ok(null);
  return parseAmountToFen(text, opts);
}

/** Fen to what an edit field shows: 1234560 -> '12345.60'; null -> ''. */
export const fenToAmountText = (fen: number | null | undefined): string =>
  fen === null || fen === undefined ? '' : fenToDecimalString(fen);

/** A zod field for form schemas: text that must be a valid amount (or empty unless required). */
export function amountTextField(opts: AmountOptions & { required?: boolean } = {}) {
  const label = opts.label ?? '金额';
  return z.string().superRefine((text, ctx) => {
    if (text.trim() === '') {
      if (opts.required) ctx.addIssue({ code: 'custom', message: `请填写${label}` });
      return;
    }
    const r = parseAmountToFen(text, opts);
    if (!r.ok) ctx.addIssue({ code: 'custom', message: r.message });
  });
}
