/** Active contracts ending within 30 days, soonest first; a contract opens its page. */
import { Anchor, Table, Text } from '@mantine/core';
import type { Dashboard } from '../../../../shared/api/dashboard';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { DashCard } from './DashCard';

export function ExpiringContractsCard({ data }: { data: Dashboard }) {
  const t = useT();
  const more = data.expiringContractsTotal - data.expiringContracts.length;
  return (
    <DashCard
      title={t('aging.dashboard.expiringTitle')}
      action={{ label: t('aging.dashboard.viewAll'), onClick: () => navigate('/contracts') }}
      data-testid="dash-contracts"
    >
      {data.expiringContracts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('aging.dashboard.noExpiring')}
        </Text>
      ) : (
        <Table fz="sm" verticalSpacing={3} highlightOnHover>
          <Table.Tbody>
            {data.expiringContracts.map((k) => (
              <Table.Tr key={k.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Anchor size="sm" ff="monospace" onClick={() => navigate(`/contracts/${k.id}`)}>
                    {k.contractNo}
                  </Anchor>
                </Table.Td>
                <Table.Td maw={150} style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }} title={`${k.customerName} · ${k.title}`}>
                  {k.customerName}
                </Table.Td>
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {k.endsOn}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="xs" c={k.daysToEnd <= 7 ? 'orange.8' : 'dimmed'}>
                    {k.daysToEnd === 0 ? t('aging.dashboard.endsToday') : t('aging.dashboard.endsIn', { days: k.daysToEnd })}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  <Money fen={k.amountFen} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {more > 0 && (
        <Text size="xs" c="dimmed">
          {t('aging.dashboard.expiringMore', { count: more })}
        </Text>
      )}
    </DashCard>
  );
}
