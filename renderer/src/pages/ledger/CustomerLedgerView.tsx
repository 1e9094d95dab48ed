/**
 * 客户往来明细 of one customer: the summary, a period (from/to, with quick
 * choices), the opening balance row, every document in §4 order with its
 * running balance, the period totals and closing balance in the footer;
 * or the open items as of the period end. Row click opens the document
 * drawer; export writes the same ledger to .xlsx or PDF; 生成对账单 asks for the period
 * (the one on screen, last month when none is chosen, the usual 月结), then
 * opens the statement in the statements drawer, with the preview, save and print the
 * customer card's 对账单 tab offers.
 */
import { Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconFileInvoice, IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { localDateOf } from '../../../../shared/dates/clock';
import { useApiQuery } from '../../api/hooks';
import { DataTable } from '../../components/DataTable';
import { DateField } from '../../components/DateField';
import { EmptyState } from '../../components/EmptyState';
import { FilterBar } from '../../components/FilterBar';
import { ReportExportButtons } from '../../components/ReportExportButtons';
import { useSessionState } from '../../components/useSessionState';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { GenerateStatementDialog } from '../statements/GenerateStatementDialog';
import { StatementDrawer } from '../statements/StatementDrawer';
import { useDocumentDrawer } from './document/useDocumentDrawer';
import { ledgerRows, ledgerRowStyle, useLedgerColumns } from './ledgerColumns';
import { OpenItemsView } from './OpenItemsView';
import { SummaryCards } from './SummaryCards';

interface Period {
  from: string;
  to: string;
}

export interface CustomerLedgerViewProps {
  customerId: string;
  /** Height of the ledger table (the card's tab is shorter than the page). */
  height?: string | number;
}

export function CustomerLedgerView({ customerId, height = 'calc(100vh - 376px)' }: CustomerLedgerViewProps) {
  const t = useT();
  // One period for every customer in this session: a clerk checking November checks it for each.
  const [period, setPeriod] = useSessionState<Period>('ledger.period', { from: '', to: '' });
  const [view, setView] = useState<'ledger' | 'open'>('ledger');
  const summary = useApiQuery('ledger.summary', { customerId });
  const input = { customerId, from: period.from || null, to: period.to || null };
  const ledger = useApiQuery('ledger.customerLedger', input, { placeholderData: (prev) => prev });
  const columns = useLedgerColumns(ledger.data);
  const { open, drawer } = useDocumentDrawer();
  const [statementId, setStatementId] = useState<string | null>(null);

  const today = localDateOf(new Date());
  const presets: { label: string; from: string; to: string }[] = [
    { label: t('ledger.view.all'), from: '', to: '' },
    { label: t('ledger.view.thisYear'), from: `${today.slice(0, 4)}-01-01`, to: today },
    { label: t('ledger.view.thisMonth'), from: `${today.slice(0, 7)}-01`, to: today },
  ];

  // 生成对账单 asks for the period first (the one on screen, or last month when none is chosen).
  const [asking, setAsking] = useState(false);

  const noDocs = summary.data?.docCount === 0;
  return (
    <Stack gap="sm" data-testid="customer-ledger">
      {summary.data && <SummaryCards summary={summary.data} />}
      <FilterBar
        right={
          <>
            <ReportExportButtons xlsx="ledger.exportLedgerXlsx" pdf="ledger.exportLedgerPdf" input={input} disabled={noDocs} testId="ledger-export" />
            <Button variant="light" leftSection={<IconFileInvoice size={16} />} disabled={noDocs} onClick={() => setAsking(true)} data-testid="ledger-statement">
              {t('ledger.view.statement')}
            </Button>
          </>
        }
      >
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v === 'open' ? 'open' : 'ledger')}
          data={[
            { value: 'ledger', label: t('ledger.view.ledger') },
            { value: 'open', label: t('ledger.view.openItems') },
          ]}
          data-testid="ledger-view-switch"
        />
        <DateField
          size="xs"
          w={140}
          aria-label={t('ledger.view.from')}
          placeholder={t('ledger.view.from')}
          value={period.from}
          onChange={(from) => setPeriod({ ...period, from })}
          disabled={view === 'open'}
          data-testid="ledger-from"
        />
        <Text size="xs" c="dimmed">
          —
        </Text>
        <DateField
          size="xs"
          w={140}
          aria-label={t('ledger.view.to')}
          placeholder={view === 'open' ? t('ledger.view.asOfToday') : t('ledger.view.to')}
          value={period.to}
          onChange={(to) => setPeriod({ ...period, to })}
          data-testid="ledger-to"
        />
        <Group gap={4}>
          {presets.map((p) => (
            <Button
              key={p.label}
              size="compact-xs"
              variant={period.from === p.from && period.to === p.to ? 'light' : 'subtle'}
              onClick={() => setPeriod({ from: p.from, to: p.to })}
            >
              {p.label}
            </Button>
          ))}
        </Group>
        {ledger.data && view === 'ledger' && (
          <Text size="xs" c="dimmed">
            {t('ledger.view.period', { from: ledger.data.from, to: ledger.data.to, count: ledger.data.lines.length })}
          </Text>
        )}
      </FilterBar>

      {ledger.error && (
        <Text size="sm" c="red">
          {ledger.error.message}
        </Text>
      )}

      {view === 'ledger' ? (
        <DataTable
          rows={ledger.data && !noDocs ? ledgerRows(ledger.data) : []}
          columns={columns}
          rowKey={(r) => r.docId}
          height={noDocs ? 'auto' : height}
          loading={ledger.isPending}
          onRowClick={(r) => !r.opening && open(r.docId)}
          rowStyle={ledgerRowStyle}
          empty={
            <EmptyState
              icon={IconReceipt}
              title={t('ledger.view.emptyTitle')}
              description={t('ledger.view.emptyBody')}
              actions={<Button onClick={() => navigate(`/ledger/entry?customer=${customerId}`)}>{t('ledger.view.enterFirst')}</Button>}
            />
          }
          data-testid="ledger-table"
        />
      ) : (
        <OpenItemsView customerId={customerId} asOf={period.to || null} onOpen={open} />
      )}
      {drawer}
      <GenerateStatementDialog customerId={customerId} opened={asking} suggested={period} onClose={() => setAsking(false)} onGenerated={setStatementId} />
      <StatementDrawer id={statementId} onClose={() => setStatementId(null)} />
    </Stack>
  );
}
