/** Receivables and overdue per salesperson; a row opens the aging report of that salesperson's customers. */
import { Table, UnstyledButton } from '@mantine/core';
import type { Dashboard } from '../../../../shared/api/dashboard';
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
              <Table.Td ta="right">
                <Money fen={g.balanceFen} />
              </Table.Td>
              <Table.Td ta="right">{g.overdueFen > 0 ? <Money fen={g.overdueFen} danger /> : null}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </DashCard>
  );
}
