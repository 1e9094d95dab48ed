/** Builds an Alert from what a rule decided: the stable key and the Chinese message are derived here, once. */
import { describeAlert } from '../../../shared/alerts/describe';
import type { AlertKind, AlertSeverity } from '../../../shared/alerts/kinds';
import type { Alert, AlertFacts } from '../../../shared/alerts/types';
import { translate } from '../../../shared/i18n/translate';
import type { CustomerInfo } from './sources';

export interface AlertInit {
  kind: AlertKind;
  /** The id of what the alert is about; the key is `${kind}:${subjectId}`. */
  subjectId: string;
  severity: AlertSeverity;
  customer: CustomerInfo;
  contract?: { id: string; no: string } | null;
  doc?: { id: string | null; no: string } | null;
  statementId?: string | null;
  amountFen: number | null;
  days: number | null;
  facts: AlertFacts;
}

export function makeAlert(init: AlertInit): Alert {
  const base = {
    kind: init.kind,
    key: `${init.kind}:${init.subjectId}`,
    severity: init.severity,
    customerId: init.customer.id,
    customerCode: init.customer.code,
    customerName: init.customer.name,
    contractId: init.contract?.id ?? null,
    contractNo: init.contract?.no ?? null,
    docId: init.doc?.id ?? null,
    docNo: init.doc?.no ?? null,
    statementId: init.statementId ?? null,
    amountFen: init.amountFen,
    days: init.days,
    facts: init.facts,
  };
  const sentence = describeAlert(base);
  return { ...base, message: translate('zh-CN', sentence.key, sentence.vars) };
}
