/** Kysely row types of the contract tables (migration 0003). */
export interface ContractsTable {
  id: string;
  contract_no: string;
  customer_id: string;
  title: string;
  /** 'sales' | 'framework' | 'annual' */
  kind: string;
  signed_on: string | null;
  starts_on: string | null;
  ends_on: string | null;
  amount_fen: number;
  /** 0 or 1: 1 = entered by hand (framework agreement without lines). */
  amount_manual: number;
  /** 'draft' | 'active' | 'completed' | 'terminated' ('expired' is derived, never stored). */
  status: string;
  payment_terms: string;
  rebate_terms: string;
  notes: string;
  terminated_reason: string | null;
  reopened_at: string | null;
  reopen_reason: string | null;
  import_batch_id: string | null;
  created_at: string;
  updated_at: string;
  activated_at: string | null;
  completed_at: string | null;
  terminated_at: string | null;
}

export interface ContractLinesTable {
  id: string;
  contract_id: string;
  seq: number;
  product_id: string | null;
  description: string;
  spec: string;
  unit: string;
  qty_thousandths: number;
  unit_price_fen: number;
  amount_fen: number;
  created_at: string;
  updated_at: string;
}

export interface ContractInstallmentsTable {
  id: string;
  contract_id: string;
  seq: number;
  label: string;
  due_on: string;
  amount_fen: number;
  created_at: string;
  updated_at: string;
}

export interface ContractAttachmentsTable {
  id: string;
  contract_id: string;
  sha256: string;
  file_name: string;
  size: number;
  mime: string;
  added_at: string;
  added_by: string;
  removed_at: string | null;
  removed_by: string | null;
  removed_reason: string | null;
  updated_at: string;
}
