/**
 * The import kinds and their names, without the schemas: the command line
 * prints them in its help, which must not load zod (issue 17: `--help`
 * starts like a native tool). shared/api/imports.ts re-exports them.
 */
export const IMPORT_KINDS = ['customers', 'products', 'contracts', 'invoices', 'receipts', 'opening', 'rebate-policies'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_KIND_LABELS: Readonly<Record<ImportKind, string>> = { customers: '客户', products: '产品', contracts: '合同', invoices: '应收单', receipts: '回款单', opening: '期初余额', 'rebate-policies': '返利政策' };
