/**
 * 首页 — what the boss opens the PC for: receivables, overdue, collections
 * and DSO at the top, then the aging structure, collections by month, the
 * DSO trend, the largest debtors, receivables by salesperson and contracts
 * about to expire. Every figure opens the records behind it.
 */
import { Alert, Button, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconChartInfographic } from '@tabler/icons-react';
import { useState } from 'react';
import type { DsoPoint } from '../../../../shared/api/dashboard';
import { useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { LoadDemoButton } from '../../components/LoadDemoButton';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { OpenItemsDrawer, type OpenItemsTarget } from '../aging/OpenItemsDrawer';
import { AlertCountsCard } from '../alerts/AlertCountsCard';
import { useMay } from '../auth/useAuth';
import { TodayCollectionTop } from '../collection/TodayCollectionTop';
import { AgingBarCard } from './AgingBarCard';
import { CollectionsCard } from './CollectionsCard';
import { DsoCard } from './DsoCard';
import { DsoModal } from './DsoModal';
import { ExpiringContractsCard } from './ExpiringContractsCard';
import { FlowDrawer, type FlowTarget } from './FlowDrawer';
import { SalespersonCard } from './SalespersonCard';
import { StatCards } from './StatCards';
import { TopDebtorsCard } from './TopDebtorsCard';
import { RebateOwedStrip } from '../rebates/RebateOwedStrip';
import { UnreviewedExceptionsCard } from './UnreviewedExceptionsCard';

export function DashboardPage() {
  const t = useT();
  const q = useApiQuery('dashboard.get', {});
  const [flow, setFlow] = useState<FlowTarget | null>(null);
  const [dso, setDso] = useState<DsoPoint | null>(null);
  const [items, setItems] = useState<OpenItemsTarget | null>(null);
  // The dispatcher refuses the count to clerks and salespeople anyway; this keeps the card (and the call) off their screen.
  const mayExceptions = useMay('exceptions.read');

  if (q.error) return <Alert color="orange">{q.error.message}</Alert>;
  const data = q.data;
  if (!data) return <Loader size="sm" />;

  const nothingYet = data.customers === 0 && data.collections.months.every((m) => m.receivedFen === 0 && m.invoicedFen === 0);
  if (nothingYet) {
    return (
      <Stack gap="sm">
        <Title order={3}>{t('aging.dashboard.title')}</Title>
        <EmptyState
          icon={IconChartInfographic}
          title={t('aging.dashboard.emptyTitle')}
          description={t('aging.dashboard.emptyBody')}
          actions={
            <>
              <Button onClick={() => navigate('/ledger/entry')}>{t('aging.report.enterDocuments')}</Button>
              <LoadDemoButton />
            </>
          }
        />
      </Stack>
    );
  }

  return (
    <Stack gap="sm" maw={1400} data-testid="dashboard">
      <Group gap="sm" align="baseline">
        <Title order={3}>{t('aging.dashboard.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('aging.dashboard.asOf', { date: data.asOf })}
        </Text>
      </Group>
      <StatCards data={data} onFlow={setFlow} onDso={() => setDso(data.dso.current)} extra={mayExceptions ? <UnreviewedExceptionsCard /> : null} />
      <RebateOwedStrip />
      <SimpleGrid cols={2} spacing="sm">
        <TodayCollectionTop />
        <AlertCountsCard />
        <AgingBarCard data={data} />
        <CollectionsCard data={data} onFlow={setFlow} />
        <TopDebtorsCard data={data} onOpen={(customerId) => setItems({ customerId, asOf: data.asOf, basis: 'due', bucket: null })} />
        <DsoCard data={data} />
        <SalespersonCard data={data} />
        <ExpiringContractsCard data={data} />
      </SimpleGrid>
      <FlowDrawer target={flow} onClose={() => setFlow(null)} />
      <DsoModal point={dso} onClose={() => setDso(null)} onFlow={setFlow} />
      <OpenItemsDrawer target={items} onClose={() => setItems(null)} />
    </Stack>
  );
}
