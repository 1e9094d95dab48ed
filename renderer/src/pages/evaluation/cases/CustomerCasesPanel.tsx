/**
 * The customer's after-sales cases, and one timeline of its interactions and
 * case events (newest first) — complaints sit on the customer timeline with
 * the calls and visits.
 */
import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { localDateOf } from '../../../../../shared/dates/clock';
import { useApiQuery } from '../../../api/hooks';
import { DataTable } from '../../../components/DataTable';
import { useT } from '../../../i18n/I18nProvider';
import { CaseDrawer } from './CaseDrawer';
import { CaseFormModal } from './CaseFormModal';
import { useCaseColumns } from './useCaseColumns';

export function CustomerCasesPanel({ customerId, readOnly }: { customerId: string; readOnly: boolean }) {
  const t = useT();
  const cases = useApiQuery('cases.list', { customerId });
  const events = useApiQuery('cases.events', { customerId });
  const interactions = useApiQuery('interactions.list', { customerId });
  const columns = useCaseColumns(false);
  const [adding, setAdding] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const timeline = [
    ...(events.data ?? []).map((e) => ({
      key: `c${e.id}`,
      date: e.onDate,
      at: e.at,
      title: `${e.caseNo} · ${t(`evaluation.cases.event.${e.action}`)}${e.toStatus ? ` → ${t(`evaluation.cases.statusLabel.${e.toStatus}`)}` : ''}`,
      body: e.note,
      color: 'orange',
    })),
    ...(interactions.data ?? []).map((i) => ({
      key: `i${i.id}`,
      date: i.date,
      at: i.createdAt,
      title: `${i.channel}${i.satisfaction ? ` · ★${i.satisfaction}` : ''}`,
      body: i.summary,
      color: 'indigo',
    })),
  ].sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.at < b.at ? 1 : -1));
  return (
    <SimpleGrid cols={{ base: 1, xl: 2 }} spacing="sm">
      <Paper withBorder p="sm">
        <Group justify="space-between" mb="xs">
          <Title order={6}>{t('evaluation.card.cases')}</Title>
          {!readOnly && (
            <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setAdding(true)} data-testid="card-add-case">
              {t('evaluation.cases.add')}
            </Button>
          )}
        </Group>
        <DataTable rows={cases.data?.rows ?? []} columns={columns} rowKey={(r) => r.id} height="auto" maxHeight={320} onRowClick={(r) => setOpen(r.id)} loading={cases.isLoading} empty={<Text size="sm" c="dimmed">{t('evaluation.cases.none')}</Text>} />
      </Paper>
      <Paper withBorder p="sm">
        <Title order={6} mb="xs">
          {t('evaluation.card.timeline')}
        </Title>
        <Stack gap={0} mah={320} style={{ overflow: 'auto' }}>
          <Timeline bulletSize={12} lineWidth={2}>
            {timeline.slice(0, 60).map((x) => (
              <Timeline.Item key={x.key} color={x.color} title={<Group gap={6}><Text size="xs" c="dimmed">{x.date}</Text><Badge size="xs" tt="none" variant="light" color={x.color}>{x.title}</Badge></Group>}>
                <Text size="xs">{x.body}</Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      </Paper>
      <CaseFormModal opened={adding} customerId={customerId} today={localDateOf(new Date())} onClose={() => setAdding(false)} />
      <CaseDrawer caseId={open} onClose={() => setOpen(null)} />
    </SimpleGrid>
  );
}
