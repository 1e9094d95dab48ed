/**
 * The per-day totals (ar_day_totals) of the documents a chunked import
 * writes, added once per date and chunk instead of by the insert trigger's
 * two statements per document (migration 0027_a: the trigger skips the
 * documents of a batch being written in chunks on this PC). The sums are the
 * trigger's, document by document; tests/integration/ledger/importOracle.test.ts
 * compares the table with plain sums over the documents after every import,
 * and tests/integration/ledger/importDayTotals.test.ts also after a discard
 * and an undo, and with postings next to a running import.
 */
import type { DocKind, Side } from '../../../shared/receivables/types';
import type { ServiceContext } from '../context';
import type { ChunkMemo } from './chunkedCommit';

interface DayDelta {
  net: number;
  invoiced: number;
  received: number;
  count: number;
}

export interface DayCounted {
  docDate: string;
  side: Side;
  kind: DocKind;
  amountFen: number;
}

// main.: a salesperson's connection shadows ar_day_totals with a scoped view (db/scope.ts).
const ADD_DAY = `INSERT INTO main.ar_day_totals (doc_date, net_fen, invoiced_fen, received_fen, doc_count) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (doc_date) DO UPDATE SET net_fen = net_fen + excluded.net_fen, invoiced_fen = invoiced_fen + excluded.invoiced_fen,
    received_fen = received_fen + excluded.received_fen, doc_count = doc_count + excluded.doc_count`;

class DayTotalsDelta {
  private readonly byDate = new Map<string, DayDelta>();

  add(doc: DayCounted): void {
    let d = this.byDate.get(doc.docDate);
    if (d === undefined) this.byDate.set(doc.docDate, (d = { net: 0, invoiced: 0, received: 0, count: 0 }));
    d.net += doc.side === 'debit' ? doc.amountFen : -doc.amountFen;
    if (doc.kind === 'invoice') d.invoiced += doc.amountFen;
    if (doc.kind === 'receipt') d.received += doc.amountFen;
    d.count += 1;
  }

  write(ctx: ServiceContext, batchId: string): void {
    if (this.byDate.size === 0) return;
    // The trigger skips these documents only while the batch has its import_commits row; without one it
    // has already counted them, and adding them again would count them twice.
    if (ctx.db.prepare(`SELECT 1 FROM import_commits WHERE batch_id = ?`).get(batchId) === undefined) {
      throw new Error(`day totals of batch ${batchId}: the batch is not being committed in chunks`);
    }
    const add = ctx.db.prepare(ADD_DAY);
    for (const [date, d] of this.byDate) add.run(date, d.net, d.invoiced, d.received, d.count);
  }
}

/** The chunk's day totals of batch `batchId`: written once, at the end of the chunk's transaction. */
export function chunkDayTotals(ctx: ServiceContext, chunk: ChunkMemo, batchId: string): DayTotalsDelta {
  return chunk.get(`dayTotals:${batchId}`, () => {
    const delta = new DayTotalsDelta();
    chunk.atEnd(() => delta.write(ctx, batchId));
    return delta;
  });
}
