/** Columns of a statement list: the customer card's (no customer column) and the register's. */
import { Text, Tooltip } from '@mantine/core';
import type { StatementRecord } from '../../../../shared/api/statements';
import type { DataColumn } from '../../components/DataTable';
import { useT } from '../../i18n/I18nProvider';
import { StatementStatusBadge } from './StatementDrawer';
import { dateTimeOf } from '../../components/dateText';

export function useStatementColumns(withCustomer: boolean): DataColumn<StatementRecord>[] {
  const t = useT();
  const columns: DataColumn<StatementRecord>[] = [
    {
      key: 'statementNo',
      header: t('statements.field.statementNo'),
      width: 136,
      cell: (s) => (
        <Text size="sm" ff="monospace" c={s.supersededBy ? 'dimmed' : undefined} td={s.supersededBy ? 'line-through' : undefined}>
          {s.statementNo}
        </Text>
      ),
    },
  ];
  if (withCustomer) {
    columns.push({ key: 'customer', header: t('statements.field.customer'), width: 'minmax(160px, 2fr)', cell: (s) => `${s.customer.code} ${s.customer.name}` });
  }
  columns.push(
    { key: 'period', header: t('statements.field.period'), width: 186, cell: (s) => `${s.periodFrom} — ${s.periodTo}` },
    { key: 'closing', header: t('statements.field.closing'), width: 124, money: (s) => s.closingFen },
    {
      key: 'status',
      header: t('statements.field.status'),
      width: 92,
      cell: (s) =>
        s.affectedAt ? (
          <Tooltip label={t('statements.list.affectedTip', { reason: s.affectedReason ?? '' })} multiline w={320} withinPortal>
            <span>
              <StatementStatusBadge s={s} />
            </span>
          </Tooltip>
        ) : (
          <StatementStatusBadge s={s} />
        ),
    },
    { key: 'sentOn', header: t('statements.field.sentOn'), width: 100, cell: (s) => s.sentOn ?? '' },
    { key: 'confirmedOn', header: t('statements.field.confirmedOn'), width: 100, cell: (s) => s.confirmedOn ?? '' },
    { key: 'code', header: t('statements.field.code'), width: 100, cell: (s) => <Text size="sm" ff="monospace">{s.verificationCode}</Text> },
  );
  // The register adds a selection column and must fit 1366 wide: pages and the generation time stay on the card's list and in the drawer.
  if (!withCustomer) {
    columns.push(
      { key: 'pages', header: t('statements.field.pages'), width: 60, align: 'right', cell: (s) => String(s.pages) },
      { key: 'generatedAt', header: t('statements.field.generatedAt'), width: 140, cell: (s) => dateTimeOf(s.generatedAt) },
    );
  }
  return columns;
}
