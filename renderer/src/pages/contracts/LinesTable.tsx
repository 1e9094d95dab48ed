/** The 明细 tab: the contract's lines as saved, with the total that is the contract amount. */
import { Button, Text } from '@mantine/core';
import { IconEdit, IconListDetails } from '@tabler/icons-react';
import type { ContractDetail, ContractLine } from '../../../../shared/api/contracts';
import { formatThousandths } from '../../../../shared/money/quantity';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';

export function LinesTable({ contract: c }: { contract: ContractDetail }) {
  const t = useT();
  const total = c.lines.reduce((s, l) => s + l.amountFen, 0);
  const columns: DataColumn<ContractLine>[] = [
    { key: 'seq', header: '#', width: 44, align: 'right', cell: (l) => String(l.seq) },
    {
      key: 'productCode',
      header: t('contracts.lines.productCode'),
      width: 96,
      cell: (l) => (
        <Text span size="sm" ff="monospace">
          {l.productCode ?? ''}
        </Text>
      ),
    },
    { key: 'description', header: t('contracts.lines.name'), width: 'minmax(200px, 3fr)', cell: (l) => l.description },
    { key: 'spec', header: t('contracts.lines.spec'), width: 'minmax(120px, 2fr)', cell: (l) => l.spec },
    { key: 'unit', header: t('contracts.lines.unit'), width: 64, cell: (l) => l.unit },
    {
      key: 'qty',
      header: t('contracts.lines.qty'),
      width: 100,
      align: 'right',
      cell: (l) => <span className="amount">{formatThousandths(l.qtyThousandths)}</span>,
      footer: <Text size="sm" fw={600}>{t('ui.table.total')}</Text>,
    },
    { key: 'unitPrice', header: t('contracts.lines.unitPrice'), width: 130, money: (l) => l.unitPriceFen },
    { key: 'amount', header: t('contracts.lines.amount'), width: 150, money: (l) => l.amountFen, footer: <Money fen={total} strong /> },
  ];

  const empty = (
    <EmptyState
      compact
      icon={IconListDetails}
      title={c.amountManual || c.kind === 'framework' ? t('contracts.page.noLinesFramework') : t('contracts.page.noLines')}
      description={c.status === 'draft' ? t('contracts.page.noLinesHint') : undefined}
      actions={
        c.status === 'draft' ? (
          <Button size="xs" variant="default" leftSection={<IconEdit size={14} />} onClick={() => navigate(`/contracts/${c.id}/edit`)}>
            {t('contracts.actions.edit')}
          </Button>
        ) : undefined
      }
    />
  );

  return <DataTable rows={c.lines} columns={columns} rowKey={(l) => l.id} height="auto" maxHeight={520} empty={empty} data-testid="lines-table" />;
}
