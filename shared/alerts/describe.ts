/**
 * The one sentence an alert says, as an i18n key plus its values, built from
 * the alert's own figures. The server renders it in Chinese for the CLI
 * (Alert.message); the UI renders the same key in the chosen language, so
 * both always say the same thing.
 */
import type { MessageKey } from '../i18n/translate';
import { formatFen } from '../money/format';
import type { Alert } from './types';

export interface AlertSentence {
  key: MessageKey;
  vars: Record<string, string | number>;
}

type AlertFigures = Pick<Alert, 'kind' | 'facts' | 'contractNo' | 'docNo' | 'days'>;

/** One sentence per sync-conflict kind (electron/services/sync/conflicts.ts). */
const SYNC_CONFLICT_MESSAGES: Record<string, MessageKey> = {
  duplicate_void: 'alerts.message.syncDuplicateVoid',
  duplicate_customer_code: 'alerts.message.syncDuplicateCustomerCode',
  duplicate_customer_name: 'alerts.message.syncDuplicateCustomerName',
  duplicate_tax_id: 'alerts.message.syncDuplicateTaxId',
  duplicate_contract_no: 'alerts.message.syncDuplicateContractNo',
  duplicate_doc_no: 'alerts.message.syncDuplicateDocNo',
  confirmed_period_changed: 'alerts.message.syncConfirmedPeriodChanged',
  credit_limit_passed: 'alerts.message.syncCreditLimitPassed',
};

const fen = (v: number | string | null | undefined): string => formatFen(typeof v === 'number' ? v : 0);
const text = (v: number | string | null | undefined): string => (v === null || v === undefined ? '' : String(v));

export function describeAlert(a: AlertFigures): AlertSentence {
  const f = a.facts;
  const days = a.days ?? 0;
  const contractNo = a.contractNo ?? '';
  switch (a.kind) {
    case 'overdue':
      return { key: 'alerts.message.overdue', vars: { count: text(f.count), total: fen(f.totalFen), days } };
    case 'credit_limit': {
      const balance = typeof f.balanceFen === 'number' ? f.balanceFen : 0;
      const limit = typeof f.limitFen === 'number' ? f.limitFen : 0;
      if (balance > limit) {
        return { key: 'alerts.message.creditOver', vars: { balance: fen(balance), limit: fen(limit), over: fen(balance - limit) } };
      }
      return { key: 'alerts.message.creditNear', vars: { balance: fen(balance), limit: fen(limit), percent: text(f.percent) } };
    }
    case 'installment_due': {
      const label = text(f.label);
      const vars = {
        contractNo,
        seq: text(f.seq),
        label: label === '' ? '' : `（${label}）`,
        amount: fen(f.installmentFen),
        dueOn: text(f.dueOn),
        remaining: fen(f.remainingFen),
        days: Math.abs(days),
      };
      if (days > 0) return { key: 'alerts.message.installmentUpcoming', vars };
      if (days === 0) return { key: 'alerts.message.installmentToday', vars };
      return { key: 'alerts.message.installmentPast', vars };
    }
    case 'contract_expiring':
      return {
        key: days === 0 ? 'alerts.message.contractExpiringToday' : 'alerts.message.contractExpiring',
        vars: { contractNo, endsOn: text(f.endsOn), days },
      };
    case 'contract_ended_with_balance': {
      const vars = { contractNo, endsOn: text(f.endsOn), outstanding: fen(f.outstandingFen) };
      if (f.endedHow === 'completed') return { key: 'alerts.message.contractEndedCompleted', vars };
      if (f.endedHow === 'terminated') return { key: 'alerts.message.contractEndedTerminated', vars };
      return { key: 'alerts.message.contractEndedExpired', vars };
    }
    case 'follow_up_due': {
      if (typeof f.planDays === 'number') {
        const vars = { dueOn: text(f.followUpOn), days, planDays: f.planDays, lastDate: text(f.lastDate) === '' ? '—' : text(f.lastDate) };
        return { key: days === 0 ? 'alerts.message.visitPlanToday' : 'alerts.message.visitPlanLate', vars };
      }
      const vars = { followUpOn: text(f.followUpOn), days, lastDate: text(f.lastDate), summary: text(f.lastSummary) };
      return { key: days === 0 ? 'alerts.message.followUpToday' : 'alerts.message.followUpLate', vars };
    }
    case 'promise_broken':
      return {
        key: 'alerts.message.promiseBroken',
        vars: {
          promiseDate: text(f.promiseDate),
          promised: fen(f.promisedFen),
          received: fen(f.receivedFen),
          shortfall: fen(f.shortfallFen),
        },
      };
    case 'churn':
      return { key: 'alerts.message.churn', vars: { days, lastInvoiceOn: text(f.lastInvoiceOn) } };
    case 'statement_unconfirmed':
      return { key: 'alerts.message.statementUnconfirmed', vars: { no: a.docNo ?? '', sentOn: text(f.sentOn), days } };
    case 'case_overdue':
      return { key: 'alerts.message.caseOverdue', vars: { no: a.docNo ?? '', promisedOn: text(f.promisedOn), days, description: text(f.description) } };
    case 'rebate_near_tier':
      return { key: 'alerts.message.rebateNearTier', vars: { contractNo, gap: fen(f.gapFen), tier: text(f.nextTier), periodTo: text(f.periodTo), days } };
    case 'rebate_unsettled':
      return { key: 'alerts.message.rebateUnsettled', vars: { contractNo, period: `${text(f.periodFrom)}~${text(f.periodTo)}`, earned: fen(f.earnedFen), days } };
    case 'sync_conflict':
      return { key: SYNC_CONFLICT_MESSAGES[text(f.conflict)] ?? 'alerts.message.syncDuplicateDocNo', vars: { value: text(f.value), count: text(f.count), labels: text(f.labels) } };
  }
}
