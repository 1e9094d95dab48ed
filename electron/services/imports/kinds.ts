/**
 * The import kinds. Each kind knows its columns, how to check a file's rows
 * against the database, how to write them as one batch, and when and how a
 * batch can be undone. Later issues (contracts, invoices, receipts, opening
 * balances) add their kind to IMPORT_KIND_HANDLERS with one line and get the
 * preview, commit, batch list, undo and CLI plumbing for free.
 */
import type { ImportSample } from '../../../shared/api/imports';
import type { ServiceContext } from '../context';
import type { XlsxColumn } from '../export/writeXlsx';
import type { RawTable } from '../import/readTable';
import type { ImportUnit } from './chunkedCommit';
import type { ImportError, ImportWarning } from '../import/report';
import { contractImport } from '../contracts/contractImport';
import { customerImport } from './customerImport';
import { productImport } from './productImport';
import { invoiceImport } from '../ledger/imports/invoiceImport';
import { openingImport } from '../ledger/imports/openingImport';
import { receiptImport } from '../ledger/imports/receiptImport';
import { rebatePolicyImport } from '../rebates/policyImport';

interface PreparedRows {
  /** Non-blank data rows. */
  rows: number;
  errors: ImportError[];
  warnings: ImportWarning[];
  /** The first rows as parsed, for the preview. */
  sample?: ImportSample;
}

/** How a checked import is written (only called when there are no errors). */
export type PreparedImport = PreparedRows &
  (
    | {
        /** Writes every row with the batch id in the caller's one transaction; returns the rows written. */
        write(batchId: string): number;
        units?: undefined;
      }
    | {
        /**
         * Large kinds (the ledger's 100,000-row files): the write as units that
         * imports/chunkedCommit.ts packs into short transactions; each returns
         * the rows it wrote. The kind's `discard` removes them if the batch never finishes.
         */
        units(batchId: string): ImportUnit[];
        write?: undefined;
      }
  );

export interface ImportKindHandler {
  kind: string;
  /** What the records are called in messages: 客户, 产品. */
  label: string;
  /** Export/template columns: the same headers the importer reads. */
  templateColumns: XlsxColumn[];
  /** Asynchronous preparation before the synchronous transaction (loading pinyin-pro). */
  load?(): Promise<void>;
  /** Maps and checks the table against the database. Runs inside the commit's transaction. */
  prepare(ctx: ServiceContext, table: RawTable): PreparedImport;
  /** Why the batch's records cannot be removed now (something refers to them), or null. */
  undoBlockedReason(ctx: ServiceContext, batchId: string): string | null;
  /** Removes every record of the batch with audit rows (inside the caller's transaction); returns how many. */
  undo(ctx: ServiceContext, batchId: string, reason: string): number;
  /** Kinds written in units: removes every record of a batch still `committing` (failed or abandoned), in short transactions. */
  discard?(ctx: ServiceContext, batchId: string): Promise<void>;
}

export const IMPORT_KIND_HANDLERS: Readonly<Record<string, ImportKindHandler>> = {
  customers: customerImport,
  products: productImport,
  contracts: contractImport,
  invoices: invoiceImport,
  receipts: receiptImport,
  opening: openingImport,
  'rebate-policies': rebatePolicyImport,
};

export function importKindHandler(kind: string): ImportKindHandler | undefined {
  return Object.prototype.hasOwnProperty.call(IMPORT_KIND_HANDLERS, kind) ? IMPORT_KIND_HANDLERS[kind] : undefined;
}
