/**
 * The database as Kysely sees it: one interface per table, grouped by area
 * in db/tables/. Services compile queries against this type and run them
 * synchronously through db/query.ts.
 */
import type { ContractAttachmentsTable, ContractInstallmentsTable, ContractLinesTable, ContractsTable } from './tables/contracts';
import type { AuditLogTable, SettingsTable, StoredFilesTable } from './tables/core';
import type { ContactsTable, CustomerMergesTable, CustomersTable, ImportBatchesTable, ImportCommitsTable, InteractionsTable, ProductsTable } from './tables/customers';
import type { ArAllocationsTable, ArCustomerStateTable, ArDocumentsTable, ArDayTotalsTable, ArExplicitTargetsTable, ArOpenSpansTable, ArVoidWindowInputsTable, ArVoidWindowSpansTable } from './tables/ledger';
import type { StatementsTable } from './tables/statements';
import type { AlertAcksTable } from './tables/alerts';
import type { AfterSalesCasesTable, AfterSalesEventsTable } from './tables/afterSales';
import type { ApprovalsTable, ExceptionReviewsTable, LockExceptionsTable, LoginThrottleTable, UsersTable } from './tables/users';
import type { RebateSettlementsTable, RebateTargetsTable } from './tables/rebates';

export interface DB {
  settings: SettingsTable;
  audit_log: AuditLogTable;
  stored_files: StoredFilesTable;
  ar_documents: ArDocumentsTable;
  ar_explicit_targets: ArExplicitTargetsTable;
  ar_allocations: ArAllocationsTable;
  ar_customer_state: ArCustomerStateTable;
  ar_open_spans: ArOpenSpansTable;
  ar_void_window_spans: ArVoidWindowSpansTable;
  ar_void_window_inputs: ArVoidWindowInputsTable;
  ar_day_totals: ArDayTotalsTable;
  customers: CustomersTable;
  customer_merges: CustomerMergesTable;
  contacts: ContactsTable;
  interactions: InteractionsTable;
  products: ProductsTable;
  import_batches: ImportBatchesTable;
  import_commits: ImportCommitsTable;
  contracts: ContractsTable;
  contract_lines: ContractLinesTable;
  contract_installments: ContractInstallmentsTable;
  contract_attachments: ContractAttachmentsTable;
  statements: StatementsTable;
  alert_acks: AlertAcksTable;
  after_sales_cases: AfterSalesCasesTable;
  after_sales_events: AfterSalesEventsTable;
  users: UsersTable;
  login_throttle: LoginThrottleTable;
  approvals: ApprovalsTable;
  lock_exceptions: LockExceptionsTable;
  exception_reviews: ExceptionReviewsTable;
  rebate_targets: RebateTargetsTable;
  rebate_settlements: RebateSettlementsTable;
}

export type TableName = keyof DB;
