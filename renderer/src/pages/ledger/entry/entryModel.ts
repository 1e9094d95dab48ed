/**
 * What every entry form shares, as plain functions: reading the typed amount,
 * running the service's own schema on what the form would send (so the
 * messages under the fields are the server's words, before any round trip),
 * and mapping API field names back to form fields.
 */
import type { z } from 'zod';
import type { AmountOptions } from '../../../../../shared/money/parseAmount';
import { parseAmountText } from '../../../components/amountText';

/** Values every entry form has; customer and date survive a save (stack-of-paper flow). */
export interface EntryBase {
  customerId: string | null;
  date: string;
  docNo: string;
  memo: string;
}

/** The typed amount as fen, or the message saying why it cannot be read ('' typed = "please fill in"). */
export function readAmount(text: string, opts: AmountOptions & { label: string }): { fen: number | null; error: string | null } {
  const r = parseAmountText(text, opts);
  if (!r.ok) return { fen: null, error: r.message };
  if (r.value === null) return { fen: null, error: `请填写${opts.label}` };
  return { fen: r.value, error: null };
}

/**
 * The number pre-filled from ledger.nextDocNo is sent as '' (= "the next
 * number"), so two PCs entering at once never collide on it; a number the
 * clerk typed is sent as typed.
 */
export const docNoToSend = (typed: string, suggested: string | undefined): string =>
  suggested !== undefined && typed.trim() === suggested ? '' : typed;

/** API field (first path segment, or the full dotted path) -> form field. */
export type FieldMap = Readonly<Record<string, string>>;

export const formFieldOf = (apiField: string, map: FieldMap): string => {
  if (map[apiField] !== undefined) return map[apiField];
  const head = apiField.split('.')[0];
  return map[head] ?? head;
};

/**
 * Errors for the form: the amount parsers' messages first (they name what
 * was typed), then the schema's issues on the input the form would send.
 */
export function schemaErrors(
  schema: z.ZodType,
  input: unknown,
  map: FieldMap,
  own: Readonly<Record<string, string | null>> = {},
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const [field, message] of Object.entries(own)) if (message) errors[field] = message;
  const r = schema.safeParse(input);
  if (!r.success) {
    for (const issue of r.error.issues) {
      const field = formFieldOf(issue.path.map(String).join('.'), map);
      errors[field] ??= issue.message;
    }
  }
  return errors;
}

/** What the entry page hands each form, and hears back: the customer and date shared by all kinds. */
export interface EntryFormProps {
  customerId: string | null;
  date: string;
  onShared(customerId: string | null, date: string): void;
}

/** What carries over from slip to slip, so it does not count as "typed on this slip". */
const CARRIED = new Set(['customerId', 'date', 'docNo']);

/**
 * Something typed on this slip that a clear would lose: any field differing
 * from the blank slip, except the customer, date and (pre-filled) number,
 * and any field the form keeps between slips (`kept`).
 */
export function slipDirty(values: object, blank: object, kept: readonly string[] = []): boolean {
  const b = blank as Record<string, unknown>;
  return Object.entries(values).some(([k, v]) => !CARRIED.has(k) && !kept.includes(k) && v !== b[k]);
}
