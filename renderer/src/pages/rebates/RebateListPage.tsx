/**
 * /rebates — the 返利 list for all customers: every contract period with its
 * base to date, attainment, tier, earned, projected, the gap to the next tier
 * in money, settled and difference; totals in the footer. A row opens the
 * settlement sheet; batch settlement takes every listed period due.
 */
import { Button, Group, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { IconDiscount } from '@tabler/icons-react';
import { useState } from 'react';
import type { RebateListInput } from '../../../../shared/api/rebates';
import { formatFen } from '../../../../shared/money/format';
import { useApiQuery } from '../../api/hooks';
import { DataTable } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { EmptyState } from '../../components/EmptyState';
import { FilterBar } from '../../components/FilterBar';
import { ImportWizard } from '../../components/ImportWizard';
import { useT } from '../../i18n/I18nProvider';
import { BatchSettleModal } from './BatchSettleModal';
import { RebateSheetDrawer } from './RebateSheetDrawer';
import { useRebateColumns } from './rebateColumns';

/** The columns of `import rebate-policies` (Chinese in every language: they are what the sheet says). */
const REBATE_IMPORT_HEADERS = ['合同号*', '期间起*', '期间止*', '基数', '目标金额*', '档位*', '计算方式', '封顶', '按期回款返利', '备注'];

const STATUSES = ['all', 'running', 'due', 'difference', 'settled'] as const;
type Status = (typeof STATUSES)[number];

const statusFromHash = (): Status => {
  const s = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('status') ?? '';
  return (STATUSES as readonly string[]).includes(s) ? (s as Status) : 'all';
};

export function RebateListPage() {
  const t = useT();
  const [search, setSearch] = useState('');
  const [status, setStatus] = useState<Status>(statusFromHash);
  const [asOf, setAsOf] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const [batch, setBatch] = useState(false);
  const [importing, setImporting] = useState(false);
  const input: RebateListInput = { search, status, asOf: asOf || null, limit: 5000 };
  const q = useApiQuery('rebates.list', input, { placeholderData: (prev) => prev });
  const page = q.data;
  const due = (page?.rows ?? []).filter((r) => r.status === 'due');
  const columns = useRebateColumns({ withContract: true, totals: page?.totals });

  return (
    <Stack gap="sm" data-testid="rebate-list">
      <Group justify="space-between" align="baseline">
        <Title order={3}>{t('rebates.list.title')}</Title>
        {page && (
          <Text size="sm" data-testid="rebate-owed">
            {t('rebates.list.owed')} <b>{formatFen(page.totals.earnedNotSettledFen)}</b>
          </Text>
        )}
      </Group>
      <FilterBar
        search={{ value: search, onChange: setSearch, placeholder: t('rebates.list.search'), autoFocus: true }}
        right={
          <>
            <Text size="sm" c="dimmed">
              {t('rebates.list.total', { n: page?.total ?? 0 })}
            </Text>
            <Button size="xs" variant="default" onClick={() => setImporting(true)}>
              {t('rebates.list.import')}
            </Button>
            <Button size="xs" disabled={due.length === 0} onClick={() => setBatch(true)} data-testid="open-batch">
              {t('rebates.list.batch', { n: due.length })}
            </Button>
          </>
        }
      >
        <SegmentedControl
          size="xs"
          value={status}
          onChange={(v) => setStatus(v as Status)}
          data={STATUSES.map((s) => ({ value: s, label: t(`rebates.status.${s}`) }))}
        />
        <DateField size="xs" w={150} value={asOf} onChange={setAsOf} placeholder={t('rebates.list.asOf')} aria-label={t('rebates.list.asOf')} />
      </FilterBar>
      <DataTable
        rows={page?.rows ?? []}
        columns={columns}
        rowKey={(r) => r.target.id}
        rowHeight={46}
        height="calc(100vh - 210px)"
        loading={q.isLoading}
        onRowClick={(r) => setOpen(r.target.id)}
        empty={<EmptyState icon={IconDiscount} title={t('rebates.list.empty')} description={t('rebates.list.emptyHint')} />}
        data-testid="rebate-table"
      />
      <RebateSheetDrawer targetId={open} onClose={() => setOpen(null)} />
      <BatchSettleModal opened={batch} rows={due} onClose={() => setBatch(false)} />
      <ImportWizard opened={importing} onClose={() => setImporting(false)} kind="rebate-policies" kindLabel={t('rebates.list.import')} columns={REBATE_IMPORT_HEADERS} />
    </Stack>
  );
}
