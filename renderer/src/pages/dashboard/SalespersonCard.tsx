/** Receivables and overdue per salesperson; a name or balance opens the aging report of that salesperson's customers, 其中逾期 the overdue ones. */
import { Table, UnstyledButton } from '@mantine/core';
import type { Dashboard } from '../../../../shared/api/dashboard';
import { ClickableAmount } from '../../components/ClickableAmount';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { agingHref } from '../aging/agingLinks';
import { DashCard } from './DashCard';

export function SalespersonCard({ data }: { data: Dashboard }) {
  const t = useT();
  return (
    <DashCard title={t('aging.dashboard.bySalespersonTitle')} data-testid="dash-salespeople">
      <Table fz="sm" verticalSpacing={3} highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('aging.report.salesperson')}</Table.Th>
            <Table.Th ta="right" />
            <Table.Th ta="right">{t('aging.report.balance')}</Table.Th>
            <Table.Th ta="right">{t('aging.report.overdue')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.bySalesperson.map((g) => (
            <Table.Tr key={g.salesperson} style={{ cursor: g.salesperson ? 'pointer' : undefined }}>
              <Table.Td>
                {g.salesperson ? (
                  <UnstyledButton fz="sm" c="indigo.7" onClick={() => navigate(agingHref({ basis: 'due', salesperson: g.salesperson }))}>
                    {g.salesperson}
                  </UnstyledButton>
                ) : (
                  t('aging.dashboard.noSalesperson')
                )}
              </Table.Td>
              <Table.Td ta="right" c="dimmed">
                {t('aging.dashboard.customers', { count: g.customers })}
              </Table.Td>
              {g.salesperson ? (
                <>
                  <Table.Td ta="right">
                    <ClickableAmount fen={g.balanceFen} showZero onClick={() => navigate(agingHref({ basis: 'due', salesperson: g.salesperson }))} />
                  </Table.Td>
                  <Table.Td ta="right">
                    <ClickableAmount
                      fen={g.overdueFen}
                      danger
                      onClick={() => navigate(agingHref({ basis: 'due', salesperson: g.salesperson, overdue: true, sort: 'overdue' }))}
                      data-testid="dash-salesperson-overdue"
                    />
                  </Table.Td>
                </>
              ) : (
                // The report cannot filter to "no salesperson": these stay plain figures.
                <>
                  <Table.Td ta="right">
                    <Money fen={g.balanceFen} />
                  </Table.Td>
                  <Table.Td ta="right">{g.overdueFen > 0 ? <Money fen={g.overdueFen} danger /> : null}</Table.Td>
                </>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </DashCard>
  );
}
