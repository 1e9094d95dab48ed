/**
 * Builders and random-history generators for the receivables tests. Only the
 * types come from the engine so that generated data never reuses its logic.
 */
import fc from 'fast-check';
import type { ArDoc, DocKind, ExplicitTarget, Side } from '../../../shared/receivables/types';

const DAY_MS = 86_400_000;

/** YYYY-MM-DD shifted by n days, in UTC so there is no DST drift. */
export function shiftDate(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export const BASE_DATE = '2024-01-01';

function doc(
  id: string,
  kind: DocKind,
  side: Side,
  docDate: string,
  amountFen: number,
  extra: Partial<ArDoc> = {},
): ArDoc {
  return {
    id,
    kind,
    side,
    docNo: id.toUpperCase(),
    docDate,
    dueOn: null,
    amountFen,
    voidsId: null,
    explicitTargets: [],
    ...extra,
  };
}

export function invoice(id: string, docDate: string, amountFen: number, dueOn: string | null = docDate, docNo?: string): ArDoc {
  return doc(id, 'invoice', 'debit', docDate, amountFen, { dueOn, ...(docNo === undefined ? {} : { docNo }) });
}

export function receipt(id: string, docDate: string, amountFen: number, explicitTargets: ExplicitTarget[] = [], docNo?: string): ArDoc {
  return doc(id, 'receipt', 'credit', docDate, amountFen, {
    explicitTargets,
    ...(docNo === undefined ? {} : { docNo }),
  });
}

export function creditNote(id: string, docDate: string, amountFen: number, explicitTargets: ExplicitTarget[] = []): ArDoc {
  return doc(id, 'credit_note', 'credit', docDate, amountFen, { explicitTargets });
}

export function writeOff(id: string, docDate: string, amountFen: number, targetId: string): ArDoc {
  return doc(id, 'write_off', 'credit', docDate, amountFen, {
    explicitTargets: [{ debitId: targetId, amountFen }],
  });
}

export function voidOf(original: ArDoc, id: string, docDate: string): ArDoc {
  return doc(id, 'void', original.side === 'debit' ? 'credit' : 'debit', docDate, original.amountFen, {
    voidsId: original.id,
  });
}

/** Map → plain sorted entries, so results can be compared with toEqual regardless of Map order. */
export function entries(map: Map<string, number>): [string, number][] {
  return [...map.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export function signed(d: ArDoc): number {
  return d.side === 'debit' ? d.amountFen : -d.amountFen;
}

// ---------------------------------------------------------------------------
// Random histories

type RawKind = 'invoice' | 'opening_debit' | 'opening_credit' | 'receipt' | 'credit_note' | 'write_off' | 'refund';

interface RawDoc {
  kind: RawKind;
  day: number;
  amount: number;
  docNo: string;
  dueDelta: number | null;
  picks: { pick: number; amount: number; anyDebit: boolean }[];
  voidDelta: number | null;
}

const rawDoc: fc.Arbitrary<RawDoc> = fc.record({
  kind: fc.constantFrom<RawKind>(
    'invoice',
    'invoice',
    'invoice',
    'opening_debit',
    'opening_credit',
    'receipt',
    'receipt',
    'receipt',
    'credit_note',
    'write_off',
    'refund',
  ),
  day: fc.integer({ min: 0, max: 40 }),
  amount: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100_000 })),
  // Few, clashing numbers: exercises plain-text order ("10" < "9") and the id tie-break.
  docNo: fc.constantFrom('1', '2', '9', '10', 'A', 'a'),
  dueDelta: fc.option(fc.integer({ min: -5, max: 60 }), { freq: 4 }),
  picks: fc.array(
    fc.record({
      pick: fc.nat(),
      amount: fc.integer({ min: 1, max: 100_000 }),
      // Mostly a debit dated on/before the credit; sometimes any debit, possibly later.
      anyDebit: fc.integer({ min: 0, max: 3 }).map((n) => n === 0),
    }),
    { maxLength: 3 },
  ),
  // About one document in four gets voided.
  voidDelta: fc.oneof(
    { arbitrary: fc.constant(null), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 20 }), weight: 1 },
  ),
});

const KIND_SIDE: Record<RawKind, [DocKind, Side]> = {
  invoice: ['invoice', 'debit'],
  opening_debit: ['opening', 'debit'],
  opening_credit: ['opening', 'credit'],
  receipt: ['receipt', 'credit'],
  credit_note: ['credit_note', 'credit'],
  write_off: ['write_off', 'credit'],
  refund: ['refund', 'debit'],
};

/**
 * Builds a well-formed history: voids are dated on/after their original and
 * mirror it; explicit targets point at debits generated before (mostly dated
 * on/before the credit, sometimes later or voided: those must get nothing
 * or less); a write-off has exactly one target dated on/before it.
 */
function buildHistory(raws: RawDoc[], withVoids: boolean): ArDoc[] {
  const out: ArDoc[] = [];
  const debits: ArDoc[] = [];
  raws.forEach((r, i) => {
    const id = `d${String(i).padStart(3, '0')}`;
    const docDate = shiftDate(BASE_DATE, r.day);
    const [initialKind, side] = KIND_SIDE[r.kind];
    let kind = initialKind;
    let explicitTargets: ExplicitTarget[] = [];
    if (kind === 'write_off') {
      const earlier = debits.filter((d) => d.docDate <= docDate);
      if (earlier.length === 0) {
        kind = 'receipt';
      } else {
        const target = earlier[(r.picks[0]?.pick ?? 0) % earlier.length];
        explicitTargets = [{ debitId: target.id, amountFen: r.amount }];
      }
    } else if (side === 'credit') {
      const earlier = debits.filter((d) => d.docDate <= docDate);
      explicitTargets = r.picks.flatMap((p) => {
        const pool = p.anyDebit || earlier.length === 0 ? debits : earlier;
        return pool.length === 0 ? [] : [{ debitId: pool[p.pick % pool.length].id, amountFen: p.amount }];
      });
    }
    const d: ArDoc = {
      id,
      kind,
      side,
      docNo: r.docNo,
      docDate,
      dueOn: side === 'debit' && r.dueDelta !== null ? shiftDate(docDate, r.dueDelta) : null,
      amountFen: r.amount,
      voidsId: null,
      explicitTargets,
    };
    out.push(d);
    if (side === 'debit') debits.push(d);
    if (withVoids && r.voidDelta !== null) {
      out.push({
        id: `v${String(i).padStart(3, '0')}`,
        kind: 'void',
        side: side === 'debit' ? 'credit' : 'debit',
        docNo: `V${i}`,
        docDate: shiftDate(docDate, r.voidDelta),
        dueOn: null,
        amountFen: r.amount,
        voidsId: id,
        explicitTargets: [],
      });
    }
  });
  return out;
}

export function historyArb(options: { maxDocs?: number; withVoids?: boolean } = {}): fc.Arbitrary<ArDoc[]> {
  const { maxDocs = 30, withVoids = true } = options;
  return fc.array(rawDoc, { maxLength: maxDocs }).map((raws) => buildHistory(raws, withVoids));
}

/** An as-of date from before the first possible document to after the last void, or null. */
export const asOfArb: fc.Arbitrary<string | null> = fc.option(
  fc.integer({ min: -1, max: 65 }).map((n) => shiftDate(BASE_DATE, n)),
  { freq: 5 },
);

export const dateArb: fc.Arbitrary<string> = fc
  .integer({ min: -1, max: 65 })
  .map((n) => shiftDate(BASE_DATE, n));
