/**
 * 对账单 tab of the customer card: generate a statement for a period (last
 * month by default), which then opens with its preview and actions; below,
 * every statement of this customer with its status.
 */
import { Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconFileInvoice } from '@tabler/icons-react';
import { useState } from 'react';
import { localDateOf } from '../../../../shared/dates/clock';
import { lastMonthPeriod } from '../../../../shared/statements/period';
import { ApiError } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { usePagedList } from '../../api/usePagedList';
import { DataTable } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { EmptyState } from '../../components/EmptyState';
import { FilterBar } from '../../components/FilterBar';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';
import { PeriodHint, PeriodPresets } from './PeriodPresets';
import { StatementDrawer } from './StatementDrawer';
import { useStatementColumns } from './statementColumns';

export function CustomerStatementsTab({ customerId }: { customerId: string }) {
  const t = useT();
  const today = localDateOf(new Date());
  const [period, setPeriod] = useState(() => lastMonthPeriod(today));
  const [error, setError] = useState<ApiError | null>(null);
  const [opened, setOpened] = useState<string | null>(null);
  const [includeSuperseded, setIncludeSuperseded] = useState(false);
  const generate = useApiMutation('statements.generate');
  const list = usePagedList('statements.list', { customerId, includeSuperseded });
  const columns = useStatementColumns(false);

  const run = async () => {
    setError(null);
    try {
      const g = await generate.mutateAsync({ customerId, from: period.from || null, to: period.to || null });
      notifySuccess(t('statements.generate.done', { no: g.statement.statementNo, pages: g.statement.pages }));
      setOpened(g.statement.id);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError({ code: 'internal', field: null, message: String(e) }));
    }
  };

  return (
    <Stack gap="sm" data-testid="customer-statements">
      <FilterBar
        right={
          <Button leftSection={<IconFileInvoice size={16} />} loading={generate.isPending} onClick={() => void run()} data-testid="statement-generate">
            {generate.isPending ? t('statements.generate.generating') : t('statements.generate.button')}
          </Button>
        }
      >
        <Text size="sm" fw={500}>
          {t('statements.generate.period')}
        </Text>
        <DateField
          size="xs"
          w={140}
          aria-label={t('statements.field.from')}
          placeholder={t('statements.field.from')}
          value={period.from}
          onChange={(from) => setPeriod({ ...period, from })}
          error={error?.field === 'from' ? error.message : undefined}
          data-testid="statement-from"
        />
        <Text size="xs" c="dimmed">
          —
        </Text>
        <DateField
          size="xs"
          w={140}
          aria-label={t('statements.field.to')}
          placeholder={t('statements.field.to')}
          value={period.to}
          onChange={(to) => setPeriod({ ...period, to })}
          error={error?.field === 'to' ? error.message : undefined}
          data-testid="statement-to"
        />
        <PeriodPresets today={today} period={period} onPick={setPeriod} allHistory />
      </FilterBar>
      <PeriodHint />
      {error && error.field !== 'from' && error.field !== 'to' && (
        <Text size="sm" c="red" data-testid="statement-generate-error">
          {error.message}
        </Text>
      )}
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {list.total !== undefined ? t('statements.list.count', { count: list.total }) : ''}
        </Text>
        <Checkbox size="xs" label={t('statements.list.includeSuperseded')} checked={includeSuperseded} onChange={(e) => setIncludeSuperseded(e.currentTarget.checked)} />
      </Group>
      <DataTable
        rows={list.rows}
        columns={columns}
        rowKey={(s) => s.id}
        height={list.rows.length ? 'calc(100vh - 480px)' : 'auto'}
        maxHeight={list.rows.length ? undefined : 260}
        loading={list.loading}
        total={list.total}
        onLoadMore={list.loadMore}
        loadingMore={list.loadingMore}
        onRowClick={(s) => setOpened(s.id)}
        empty={<EmptyState compact icon={IconFileInvoice} title={t('statements.list.empty')} description={t('statements.list.emptyHint')} />}
        data-testid="customer-statement-list"
      />
      <StatementDrawer id={opened} onClose={() => setOpened(null)} />
    </Stack>
  );
}
