/**
 * What the rules of one computation share, loaded at most once each: the
 * date, the settings, the customers and the ledger as of the date. Rules
 * that are switched off never trigger the loads they would need.
 */
import type { AlertSettings } from '../../../shared/alerts/settings';
import type { CustomerGrade } from '../../../shared/api/customerEnums';
import type { CustomerLayer } from '../../../shared/evaluation/enums';
import type { PlanSubject } from '../../../shared/evaluation/visitPlan';
import type { ServiceContext } from '../context';
import { LedgerAsOf } from './ledgerAsOf';

/** A customer as the rules see it; its plan fields make it the subject of its visit plan (evaluation/visitPlans.ts). */
export interface CustomerInfo extends PlanSubject {
  id: string;
  code: string;
  name: string;
  status: string;
  creditLimitFen: number | null;
  archived: boolean;
  createdAt: string;
}

const CUSTOMERS_SQL = `SELECT id, code, name, status, credit_limit_fen, archived_at, grade, layer, visit_interval_days, created_at FROM customers`;

export class AlertSources {
  readonly ctx: ServiceContext;
  readonly asOf: string;
  readonly settings: AlertSettings;
  private ledgerAsOf: LedgerAsOf | null = null;
  private customerMap: Map<string, CustomerInfo> | null = null;

  constructor(ctx: ServiceContext, asOf: string, settings: AlertSettings) {
    this.ctx = ctx;
    this.asOf = asOf;
    this.settings = settings;
  }

  get ledger(): LedgerAsOf {
    this.ledgerAsOf ??= new LedgerAsOf(this.ctx, this.asOf);
    return this.ledgerAsOf;
  }

  customers(): Map<string, CustomerInfo> {
    if (this.customerMap) return this.customerMap;
    const out = new Map<string, CustomerInfo>();
    const rows = this.ctx.db.prepare(CUSTOMERS_SQL).all() as {
      id: string;
      code: string;
      name: string;
      status: string;
      credit_limit_fen: number | null;
      archived_at: string | null;
      grade: CustomerGrade | null;
      layer: CustomerLayer | null;
      visit_interval_days: number | null;
      created_at: string;
    }[];
    for (const r of rows) {
      out.set(r.id, {
        id: r.id,
        code: r.code,
        name: r.name,
        status: r.status,
        creditLimitFen: r.credit_limit_fen,
        archived: r.archived_at !== null,
        grade: r.grade,
        layer: r.layer,
        visitIntervalDays: r.visit_interval_days,
        createdAt: r.created_at,
      });
    }
    this.customerMap = out;
    return out;
  }

  /** A customer referenced by a stored row always exists (foreign keys); undefined only for a broken file. */
  customer(id: string): CustomerInfo | undefined {
    return this.customers().get(id);
  }
}
