/** The ten largest balances; a name opens the customer's ledger, an amount (balance or 其中逾期) their open items in the aging report. */
import { Anchor, Table, Text } from '@mantine/core';
import type { Dashboard } from '../../../../shared/api/dashboard';
import { ClickableAmount } from '../../components/ClickableAmount';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { agingHref } from '../aging/agingLinks';
import { DashCard } from './DashCard';

export function TopDebtorsCard({ data, onOpen }: { data: Dashboard; onOpen(customerId: string): void }) {
  const t = useT();
  return (
    <DashCard title={t('aging.dashboard.topDebtorsTitle')} action={{ label: t('aging.dashboard.viewAll'), onClick: () => navigate(agingHref({ basis: 'due', sort: 'balance' })) }} data-testid="dash-debtors">
      {data.topDebtors.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('aging.dashboard.noDebtors')}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={3} highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('aging.report.name')}</Table.Th>
              <Table.Th>{t('aging.report.salesperson')}</Table.Th>
              <Table.Th ta="right">{t('aging.report.balance')}</Table.Th>
              <Table.Th ta="right">{t('aging.report.overdue')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.topDebtors.map((d) => (
              <Table.Tr key={d.customerId}>
                <Table.Td maw={220} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
                  <Anchor size="sm" onClick={() => navigate(`/customers/${d.customerId}?tab=ledger`)} title={`${d.code} ${d.name}`}>
                    {d.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>{d.salesperson}</Table.Td>
                <Table.Td ta="right">
                  <ClickableAmount fen={d.balanceFen} showZero strong onClick={() => onOpen(d.customerId)} />
                </Table.Td>
                <Table.Td ta="right">
                  <ClickableAmount fen={d.overdueFen} danger onClick={() => onOpen(d.customerId)} data-testid="dash-debtor-overdue" />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </DashCard>
  );
}
