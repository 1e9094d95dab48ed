/** Columns of the case lists (the register and the customer card). */
import { Badge } from '@mantine/core';
import type { AfterSalesCase } from '../../../../../shared/api/evaluation';
import type { DataColumn } from '../../../components/DataTable';
import { useT } from '../../../i18n/I18nProvider';
import { CASE_STATUS_COLORS } from './caseColors';

export function useCaseColumns(withCustomer: boolean): DataColumn<AfterSalesCase>[] {
  const t = useT();
  const cols: DataColumn<AfterSalesCase>[] = [{ key: 'caseNo', header: t('evaluation.cases.caseNo'), width: 130, cell: (r) => r.caseNo }];
  if (withCustomer) cols.push({ key: 'customer', header: t('evaluation.cases.customer'), width: 'minmax(160px, 2fr)', cell: (r) => `${r.customerCode} ${r.customerName}` });
  cols.push(
    { key: 'type', header: t('evaluation.cases.type'), width: 90, cell: (r) => t(`evaluation.cases.typeLabel.${r.type}`) },
    { key: 'description', header: t('evaluation.cases.description'), width: 'minmax(180px, 3fr)', cell: (r) => r.description },
    { key: 'receivedOn', header: t('evaluation.cases.receivedOn'), width: 104, cell: (r) => r.receivedOn },
    {
      key: 'promisedOn',
      header: t('evaluation.cases.promisedOn'),
      width: 120,
      cell: (r) =>
        r.overdue ? (
          <Badge tt="none" color="red" variant="light">
            {r.promisedOn}
          </Badge>
        ) : (
          r.promisedOn
        ),
    },
    { key: 'owner', header: t('evaluation.cases.owner'), width: 90, cell: (r) => r.owner },
    {
      key: 'status',
      header: t('evaluation.cases.status'),
      width: 90,
      cell: (r) => (
        <Badge tt="none" variant="light" color={CASE_STATUS_COLORS[r.status]}>
          {t(`evaluation.cases.statusLabel.${r.status}`)}
        </Badge>
      ),
    },
    { key: 'ageDays', header: t('evaluation.cases.age'), width: 90, align: 'right', cell: (r) => String(r.ageDays) },
    { key: 'creditNote', header: t('evaluation.cases.creditNote'), width: 120, cell: (r) => r.creditNoteNo ?? '' },
  );
  return cols;
}
