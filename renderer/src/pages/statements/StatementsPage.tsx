/**
 * 对账单 — the register: every statement by period (its end date), status
 * and customer, with the verification-code lookup and the month-end batch.
 * Row click opens the statement with all its actions.
 */
import { Button, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import { KeySelect } from '../../components/KeySelect';
import { IconDownload, IconFileInvoice, IconFiles } from '@tabler/icons-react';
import { useState } from 'react';
import { STATEMENT_STATUSES, type StatementStatus } from '../../../../shared/api/statements';
import { useApiMutation } from '../../api/hooks';
import { usePagedList } from '../../api/usePagedList';
import { CustomerPicker } from '../../components/CustomerPicker';
import { DataTable } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { downloadFile, XLSX_MIME } from '../../components/downloadFile';
import { EmptyState } from '../../components/EmptyState';
import { FilterBar } from '../../components/FilterBar';
import { notifyError, notifySuccess } from '../../components/notify';
import { useSessionState } from '../../components/useSessionState';
import { useT } from '../../i18n/I18nProvider';
import { BatchDialog } from './BatchDialog';
import { statusKey } from './labels';
import { StatementDrawer } from './StatementDrawer';
import { useStatementColumns } from './statementColumns';
import { RegisterSelectionBar, useRegisterSelection } from './RegisterSelection';
import { VerifyBox } from './VerifyBox';

interface RegisterFilter {
  from: string;
  to: string;
  status: StatementStatus | null;
  customerId: string | null;
  search: string;
  includeSuperseded: boolean;
}

const EMPTY: RegisterFilter = { from: '', to: '', status: null, customerId: null, search: '', includeSuperseded: false };

export function StatementsPage() {
  const t = useT();
  const [filter, setFilter] = useSessionState<RegisterFilter>('statements.register', EMPTY);
  const [opened, setOpened] = useState<string | null>(null);
  const [batchOpen, setBatchOpen] = useState(false);
  const query = {
    from: filter.from || null,
    to: filter.to || null,
    status: filter.status,
    customerId: filter.customerId,
    search: filter.search,
    includeSuperseded: filter.includeSuperseded,
  };
  const list = usePagedList('statements.list', query);
  const exportXlsx = useApiMutation('statements.exportXlsx');
  // Every row of the filter (all pages), not only the rows loaded on screen.
  const doExport = async () => {
    try {
      const f = await exportXlsx.mutateAsync(query);
      downloadFile(f.fileName, f.dataBase64, XLSX_MIME);
      notifySuccess(t('ui.download.done', { name: f.fileName }));
    } catch (e) {
      notifyError(t('desk.register.export'), e);
    }
  };
  const selection = useRegisterSelection(list.rows, JSON.stringify(filter));
  const columns = [selection.column, ...useStatementColumns(true)];
  const filtered = JSON.stringify(filter) !== JSON.stringify(EMPTY);

  return (
    <Stack gap="sm" data-testid="statements-page">
      <Group justify="space-between" align="flex-start">
        <Title order={3}>{t('statements.nav.statements')}</Title>
        <Group gap="xs">
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={exportXlsx.isPending} disabled={list.total === 0} onClick={() => void doExport()} data-testid="register-export">
            {t('desk.register.export')}
          </Button>
          <Button leftSection={<IconFiles size={16} />} onClick={() => setBatchOpen(true)} data-testid="statement-batch-open">
            {t('statements.batch.button')}
          </Button>
        </Group>
      </Group>
      <VerifyBox onOpen={setOpened} />
      <FilterBar
        search={{ value: filter.search, onChange: (search) => setFilter({ ...filter, search }) }}
        right={
          <Text size="sm" c="dimmed">
            {list.total !== undefined ? t('statements.list.count', { count: list.total }) : ''}
          </Text>
        }
      >
        <Text size="xs" c="dimmed">
          {t('statements.list.periodTo')}
        </Text>
        <DateField size="xs" w={140} aria-label={t('statements.list.periodTo')} placeholder={t('statements.field.from')} value={filter.from} onChange={(from) => setFilter({ ...filter, from })} data-testid="register-from" />
        <Text size="xs" c="dimmed">
          —
        </Text>
        <DateField size="xs" w={140} aria-label={t('statements.list.periodTo')} placeholder={t('statements.field.to')} value={filter.to} onChange={(to) => setFilter({ ...filter, to })} data-testid="register-to" />
        <KeySelect
          size="xs"
          w={130}
          placeholder={t('statements.list.allStatuses')}
          clearable
          value={filter.status}
          onChange={(v) => setFilter({ ...filter, status: (v as StatementStatus | null) ?? null })}
          data={STATEMENT_STATUSES.map((s) => ({ value: s, label: t(statusKey(s)) }))}
          data-testid="register-status"
        />
        <CustomerPicker size="xs" w={220} value={filter.customerId} onChange={(id) => setFilter({ ...filter, customerId: id })} includeArchived />
        <Checkbox size="xs" label={t('statements.list.includeSuperseded')} checked={filter.includeSuperseded} onChange={(e) => setFilter({ ...filter, includeSuperseded: e.currentTarget.checked })} />
      </FilterBar>
      <RegisterSelectionBar selected={selection.selected} onDone={selection.clear} />
      <DataTable
        rows={list.rows}
        columns={columns}
        rowKey={(s) => s.id}
        height="calc(100vh - 290px)"
        loading={list.loading}
        total={list.total}
        onLoadMore={list.loadMore}
        loadingMore={list.loadingMore}
        onRowClick={(s) => setOpened(s.id)}
        resetKey={JSON.stringify(filter)}
        empty={
          filtered ? (
            <EmptyState icon={IconFileInvoice} title={t('ui.empty.noMatch')} description={t('ui.empty.noMatchHint')} actions={<Button variant="default" size="xs" onClick={() => setFilter(EMPTY)}>{t('ui.empty.clearFilters')}</Button>} />
          ) : (
            <EmptyState icon={IconFileInvoice} title={t('statements.list.emptyRegister')} description={t('statements.list.emptyRegisterHint')} actions={<Button size="xs" onClick={() => setBatchOpen(true)}>{t('statements.batch.button')}</Button>} />
          )
        }
        data-testid="statement-register"
      />
      <StatementDrawer id={opened} onClose={() => setOpened(null)} />
      <BatchDialog opened={batchOpen} onClose={() => setBatchOpen(false)} />
    </Stack>
  );
}
