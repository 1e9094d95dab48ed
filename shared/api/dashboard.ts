/**
 * The boss's dashboard (首页, issue 6): receivables, overdue, the aging
 * buckets, top debtors, collections, DSO and its trend, receivables by
 * salesperson and contracts about to expire — as of one date (default
 * today). Every figure is computed by the same services as the aging report
 * and the ledger, so the numbers agree across screens (a test asserts it).
 */
import { z } from 'zod';
import type { AgingBucket } from '../receivables/aging';
import { businessDate } from './customers';
import { method } from './define';

export const dashboardSchema = z.object({
  /** null = today. */
  asOf: businessDate('截止日期').nullable().default(null),
});
export type DashboardInput = z.input<typeof dashboardSchema>;

export interface DashboardDebtor {
  customerId: string;
  code: string;
  name: string;
  salesperson: string;
  balanceFen: number;
  overdueFen: number;
}

export interface MonthCollections {
  /** 'YYYY-MM'. */
  month: string;
  from: string;
  /** The month's last day, or asOf for the current month. */
  to: string;
  /** Receipts (回款) dated in the month, voided ones excluded. */
  receivedFen: number;
  /** Invoices (应收单) dated in the month, voided ones excluded. */
  invoicedFen: number;
}

export interface DsoPoint {
  date: string;
  /** Receivables balance at the date. */
  balanceFen: number;
  /** Invoices of the 90 days ending at the date (voided ones excluded). */
  invoicedFen: number;
  /** balance ÷ invoiced × 90, one decimal; null when nothing was invoiced. */
  days: number | null;
}

export interface SalespersonReceivables {
  /** '' = customers without a salesperson. */
  salesperson: string;
  customers: number;
  balanceFen: number;
  overdueFen: number;
}

export interface ExpiringContract {
  id: string;
  contractNo: string;
  customerId: string;
  customerCode: string;
  customerName: string;
  title: string;
  endsOn: string;
  daysToEnd: number;
  amountFen: number;
}

export interface Dashboard {
  asOf: string;
  /** Σ balances (debits − credits of everything dated ≤ asOf) = the aging report's total balance. */
  receivablesFen: number;
  /** Σ open debits (the aging buckets together). */
  openFen: number;
  unappliedFen: number;
  /** Open on debits due before asOf. */
  overdueFen: number;
  /** overdue ÷ open, 0–1; null when nothing is open. */
  overdueShare: number | null;
  /** Customers with something overdue: the same customers 今日催收 lists as overdue (collection.today's overdueCustomers). */
  overdueCustomers: number;
  /** Customers with a balance or a prepayment. */
  customers: number;
  /** The due-basis bucket list and its totals. */
  buckets: AgingBucket[];
  bucketsFen: number[];
  /** The 10 largest balances. */
  topDebtors: DashboardDebtor[];
  collections: {
    /** This month from its 1st to asOf (month to date). */
    thisMonth: MonthCollections;
    /** The whole of last month. */
    lastMonth: MonthCollections;
    /**
     * Last month over the same days as thisMonth (its 1st to the same day of
     * the month, or its last day when shorter): what month-to-date compares with.
     */
    lastMonthSameDays: MonthCollections;
    /** The last 12 months, oldest first, the current month (to asOf) last. */
    months: MonthCollections[];
  };
  dso: {
    current: DsoPoint;
    /** The last 12 month-ends before asOf, oldest first. */
    trend: DsoPoint[];
  };
  bySalesperson: SalespersonReceivables[];
  /** Active contracts ending within 30 days of asOf, soonest first. */
  expiringContracts: ExpiringContract[];
  expiringContractsTotal: number;
}

export const dashboardMethods = {
  'dashboard.get': method<Dashboard>()(dashboardSchema, ['ar_documents', 'ar_allocations', 'ar_customer_state', 'customers', 'settings', 'contracts']),
};
