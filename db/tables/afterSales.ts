/** Kysely row types of after-sales cases and their timeline (migration 0011). */
export interface AfterSalesCasesTable {
  id: string;
  case_no: string;
  customer_id: string;
  /** 'quality' | 'delivery' | 'billing' | 'service' | 'other' */
  type: string;
  product_id: string | null;
  contract_id: string | null;
  description: string;
  received_on: string;
  promised_on: string;
  owner: string;
  /** 'open' | 'in_progress' | 'resolved' | 'closed' */
  status: string;
  resolution: string;
  feedback: string;
  /** A credit note (退货/折让) of the ledger that settles the case. */
  credit_note_id: string | null;
  resolved_on: string | null;
  closed_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface AfterSalesEventsTable {
  id: string;
  case_id: string;
  customer_id: string;
  on_date: string;
  at: string;
  user: string;
  /** 'created' | 'status' | 'note' | 'credit_note' | 'edited' */
  action: string;
  from_status: string | null;
  to_status: string | null;
  note: string;
}
