/** Kysely row type of the statement register (migration 0005). */
export interface StatementsTable {
  id: string;
  /** DZ<yyyymm of the period end>-<seq>. */
  statement_no: string;
  customer_id: string;
  period_from: string;
  period_to: string;
  opening_fen: number;
  closing_fen: number;
  debit_total_fen: number;
  credit_total_fen: number;
  line_count: number;
  /** linesDigest() of the printed lines (electron/services/statements/verificationCode.ts). */
  lines_sha256: string;
  /** XXXX-XXXX printed in the footer. */
  verification_code: string;
  /** sha256 of the exact PDF bytes written. */
  pdf_sha256: string;
  /** The stored copy, relative to the data dir (files/aa/<sha256>). */
  file_path: string;
  /** Where the PDF was also written (CLI --out, batch folder), or null. */
  output_path: string | null;
  pages: number;
  /** 'portrait' | 'landscape' */
  orientation: string;
  generated_at: string;
  generated_by: string;
  /** 'generated' | 'sent' | 'confirmed' | 'disputed' */
  status: string;
  sent_on: string | null;
  confirmed_on: string | null;
  dispute_note: string | null;
  customer_figure_fen: number | null;
  /** closing_fen − customer_figure_fen. */
  difference_fen: number | null;
  signed_copy_sha256: string | null;
  signed_copy_name: string | null;
  affected_at: string | null;
  affected_reason: string | null;
  superseded_by: string | null;
  created_at: string;
  updated_at: string;
}
