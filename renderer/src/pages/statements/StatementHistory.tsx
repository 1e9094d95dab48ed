/** A statement's audit trail: generated, sent, confirmed, disputed, signed copy, affected, superseded. */
import type { ReactNode } from 'react';
import { formatFen } from '../../../../shared/money/format';
import { useApiQuery } from '../../api/hooks';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { useT } from '../../i18n/I18nProvider';
import { statusKey } from './labels';
import type { StatementStatus } from '../../../../shared/api/statements';

const MONEY_FIELDS = new Set(['openingFen', 'closingFen', 'customerFigureFen', 'differenceFen']);
const STATUSES = new Set<string>(['generated', 'sent', 'confirmed', 'disputed']);

export function StatementHistory({ statementId }: { statementId: string }) {
  const t = useT();
  const history = useApiQuery('system.history', { entity: 'statement', entityId: statementId });
  const fieldLabels: Record<string, string> = {
    statementNo: t('statements.field.statementNo'),
    periodFrom: t('statements.field.from'),
    periodTo: t('statements.field.to'),
    openingFen: t('statements.field.opening'),
    closingFen: t('statements.field.closing'),
    verificationCode: t('statements.field.code'),
    pages: t('statements.field.pages'),
    status: t('statements.field.status'),
    sentOn: t('statements.field.sentOn'),
    confirmedOn: t('statements.field.confirmedOn'),
    disputeNote: t('statements.field.disputeNote'),
    customerFigureFen: t('statements.field.customerFigure'),
    differenceFen: t('statements.field.difference'),
    signedCopy: t('statements.field.signedCopy'),
    affectedAt: t('statements.field.affected'),
    supersededBy: t('statements.field.supersededBy'),
    document: t('statements.history.document'),
    date: t('statements.history.date'),
    reason: t('statements.history.reason'),
  };
  const actionLabels: Record<string, string> = {
    generate: t('statements.history.generate'),
    mark_sent: t('statements.history.mark_sent'),
    mark_confirmed: t('statements.history.mark_confirmed'),
    mark_disputed: t('statements.history.mark_disputed'),
    attach_signed_copy: t('statements.history.attach_signed_copy'),
    affected: t('statements.history.affected'),
    supersede: t('statements.history.supersede'),
  };
  const formatValue = (field: string, v: unknown): ReactNode | undefined => {
    if (MONEY_FIELDS.has(field) && typeof v === 'number') return formatFen(v);
    if (field === 'status' && typeof v === 'string' && STATUSES.has(v)) return t(statusKey(v as StatementStatus));
    if (field === 'signedCopy' && typeof v === 'object' && v !== null && 'fileName' in v) return String((v as { fileName: unknown }).fileName);
    return undefined;
  };
  return (
    <HistoryTimeline entries={history.data} loading={history.isPending} fieldLabels={fieldLabels} actionLabels={actionLabels} formatValue={formatValue} />
  );
}
