/** The customer's audit history: who changed which field from what to what. */
import type { ReactNode } from 'react';
import { useApiQuery } from '../../api/hooks';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { useCustomerLabels } from './labels';
import type { CustomerKind, CustomerStatus } from '../../../../shared/api/customers';
import { CUSTOMER_KINDS, CUSTOMER_STATUSES } from '../../../../shared/api/customerEnums';

const isKind = (v: unknown): v is CustomerKind => (CUSTOMER_KINDS as readonly unknown[]).includes(v);
const isStatus = (v: unknown): v is CustomerStatus => (CUSTOMER_STATUSES as readonly unknown[]).includes(v);

export function HistoryTab({ customerId }: { customerId: string }) {
  const t = useT();
  const labels = useCustomerLabels();
  const history = useApiQuery('system.history', { entity: 'customer', entityId: customerId });

  const fieldLabels: Record<string, string> = {
    code: t('customers.field.code'),
    name: t('customers.field.name'),
    shortName: t('customers.field.shortName'),
    kind: t('customers.field.kind'),
    grade: t('customers.field.grade'),
    region: t('customers.field.region'),
    address: t('customers.field.address'),
    taxId: t('customers.field.taxId'),
    bankName: t('customers.field.bankName'),
    bankAccount: t('customers.field.bankAccount'),
    creditLimitFen: t('customers.field.creditLimit'),
    paymentTermDays: t('customers.field.paymentTermDays'),
    salesperson: t('customers.field.salesperson'),
    status: t('customers.field.status'),
    tags: t('customers.field.tags'),
    notes: t('customers.field.notes'),
    archivedAt: t('customers.field.archivedAt'),
    reason: t('ui.reason.label'),
  };

  const formatValue = (field: string, v: unknown): ReactNode | undefined => {
    if (field === 'creditLimitFen' && typeof v === 'number') return <Money fen={v} />;
    if (field === 'kind' && isKind(v)) return labels.kind(v);
    if (field === 'status' && isStatus(v)) return labels.status(v);
    if (field === 'archivedAt' && typeof v === 'string') return v.slice(0, 10);
    return undefined;
  };

  return (
    <HistoryTimeline entries={history.data} loading={history.isPending} fieldLabels={fieldLabels} formatValue={formatValue} />
  );
}
