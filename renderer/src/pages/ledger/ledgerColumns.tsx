/**
 * The columns of the customer ledger (客户往来明细): 日期, 单号, 类型, 摘要,
 * 应收增加, 收款/减少, 余额 — the statement's columns, so the screen, the
 * export and the printed 对账单 read the same. A voided original is struck
 * through, a void line carries a red 冲销 badge: both stay visible.
 */
import { Badge, Group, Text } from '@mantine/core';
import type { CSSProperties, ReactNode } from 'react';
import type { CustomerLedger, LedgerLineView } from '../../../../shared/api/ledger';
import type { DataColumn } from '../../components/DataTable';
import { Money } from '../../components/Money';
import { useI18n } from '../../i18n/I18nProvider';
import { KIND_COLORS, useLedgerLabels } from './labels';

/** A line of the table: a document, or the synthetic opening-balance row. */
export type LedgerRow = (LedgerLineView & { opening?: false }) | { opening: true; docId: string; date: string; balanceFen: number };

export function ledgerRows(ledger: CustomerLedger): LedgerRow[] {
  return [{ opening: true, docId: 'opening', date: ledger.from, balanceFen: ledger.openingFen }, ...ledger.lines];
}

export function ledgerRowStyle(row: LedgerRow): CSSProperties | undefined {
  if (row.opening) return { background: 'var(--mantine-color-gray-0)', fontWeight: 600 };
  if (row.voided) return { color: 'var(--mantine-color-gray-6)', textDecoration: 'line-through' };
  return undefined;
}

export function useLedgerColumns(ledger: CustomerLedger | undefined): DataColumn<LedgerRow>[] {
  const { t, locale } = useI18n();
  const labels = useLedgerLabels();
  const w = (zh: number, en: number) => (locale === 'en' ? en : zh);
  const dash = (fen: number) => (fen > 0 ? <Money fen={fen} /> : null);
  const kindCell = (r: LedgerRow): ReactNode => {
    if (r.opening) return null;
    return (
      <Group gap={4} wrap="nowrap">
        <Badge tt="none" size="sm" variant="light" color={KIND_COLORS[r.kind]} style={{ textDecoration: 'none' }}>
          {labels.kind(r.kind)}
        </Badge>
        {r.voided && (
          <Badge tt="none" size="sm" variant="outline" color="red" data-testid="voided-badge">
            {t('ledger.drawer.voided')}
          </Badge>
        )}
      </Group>
    );
  };
  return [
    { key: 'date', header: t('ledger.col.date'), width: 104, cell: (r) => <span className="amount">{r.date}</span> },
    {
      key: 'docNo',
      header: t('ledger.col.docNo'),
      width: w(150, 150),
      cell: (r) =>
        r.opening ? null : (
          <Text span size="sm" ff="monospace" inherit>
            {r.docNo}
          </Text>
        ),
    },
    { key: 'kind', header: t('ledger.col.kind'), width: w(150, 170), cell: kindCell },
    {
      key: 'memo',
      header: t('ledger.col.memo'),
      width: 'minmax(180px, 3fr)',
      cell: (r) => (r.opening ? t('ledger.view.openingRow') : r.memo),
      footer: ledger ? t('ledger.view.closingRow') : undefined,
    },
    {
      key: 'debit',
      header: t('ledger.col.debit'),
      width: 140,
      align: 'right',
      cell: (r) => (r.opening ? null : dash(r.debitFen)),
      footer: ledger ? <Money fen={ledger.totals.debitFen} strong /> : undefined,
    },
    {
      key: 'credit',
      header: t('ledger.col.credit'),
      width: 140,
      align: 'right',
      cell: (r) => (r.opening ? null : dash(r.creditFen)),
      footer: ledger ? <Money fen={ledger.totals.creditFen} strong /> : undefined,
    },
    {
      key: 'balance',
      header: t('ledger.col.balance'),
      width: 150,
      align: 'right',
      cell: (r) => <Money fen={r.balanceFen} strong={r.opening} />,
      footer: ledger ? (
        <span data-testid="ledger-closing">
          <Money fen={ledger.closingFen} strong />
        </span>
      ) : undefined,
    },
  ];
}
