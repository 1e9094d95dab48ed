/**
 * Columns of an alert group: severity, customer, contract or document, the
 * sentence, amount, days, and the actions (snooze, acknowledge) or the state
 * of a hidden one. Links open the customer card or the contract; buttons do
 * not also trigger the row's click.
 */
import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import type { MouseEvent } from 'react';
import type { AlertView } from '../../../../shared/api/alerts';
import { ClickableAmount } from '../../components/ClickableAmount';
import type { DataColumn } from '../../components/DataTable';
import { useI18n } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import type { AlertAction } from './AlertActionDialog';
import { useAlertText } from './alertText';
import { SeverityBadge } from './SeverityBadge';

const stop = (fn: () => void) => (e: MouseEvent) => {
  e.stopPropagation();
  fn();
};

export function useAlertColumns(
  onAction: (alert: AlertView, action: AlertAction) => void,
  onOpenStatement: (statementId: string) => void,
  onOpenAmount: (alert: AlertView) => void,
): DataColumn<AlertView>[] {
  const { t, locale } = useI18n();
  const text = useAlertText();
  // English labels run longer than Chinese; the columns must still fit without truncating a severity.
  const w = (zh: number, en: number) => (locale === 'en' ? en : zh);
  return [
    { key: 'severity', header: '', width: w(64, 84), cell: (a) => <SeverityBadge severity={a.severity} /> },
    {
      key: 'customer',
      header: t('alerts.center.customer'),
      width: 'minmax(230px, 1.6fr)',
      cell: (a) => (
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          <Text span size="xs" c="dimmed" ff="monospace" style={{ flexShrink: 0 }}>
            {a.customerCode}
          </Text>
          <Anchor size="sm" truncate onClick={stop(() => navigate(`/customers/${a.customerId}`))} data-testid="alert-customer-link">
            {a.customerName}
          </Anchor>
        </Group>
      ),
    },
    {
      key: 'ref',
      header: `${t('alerts.center.contract')} / ${t('alerts.center.document')}`,
      width: w(132, 150),
      cell: (a) =>
        a.contractId !== null ? (
          <Anchor size="sm" ff="monospace" onClick={stop(() => navigate(`/contracts/${a.contractId}`))} data-testid="alert-contract-link">
            {a.contractNo}
          </Anchor>
        ) : a.statementId !== null ? (
          <Anchor size="sm" ff="monospace" onClick={stop(() => onOpenStatement(a.statementId as string))} data-testid="alert-statement-link">
            {a.docNo}
          </Anchor>
        ) : a.docNo !== null ? (
          <Text span size="sm" ff="monospace">
            {a.docNo}
          </Text>
        ) : null,
    },
    { key: 'detail', header: t('alerts.center.detail'), width: 'minmax(260px, 3fr)', cell: (a) => <Text size="sm">{text.sentence(a)}</Text> },
    {
      key: 'amount',
      header: t('alerts.center.amount'),
      width: 120,
      align: 'right',
      cell: (a) =>
        a.amountFen === null ? null : (
          <ClickableAmount fen={a.amountFen} showZero title={t('alerts.center.openAmount')} onClick={() => onOpenAmount(a)} data-testid="alert-amount" />
        ),
    },
    {
      key: 'days',
      header: t('alerts.center.days'),
      width: 64,
      align: 'right',
      cell: (a) => <span className="amount">{a.days ?? ''}</span>,
    },
    {
      key: 'actions',
      header: t('alerts.center.actions'),
      width: w(214, 260),
      cell: (a) =>
        a.state === 'active' ? (
          <Stack gap={2}>
            <Group gap={4} wrap="nowrap">
              {a.kind === 'sync_conflict' && (
                <Button size="compact-xs" variant="light" onClick={stop(() => onAction(a, 'resolve'))} data-testid="alert-resolve">
                  {t('sync.resolve.button')}
                </Button>
              )}
              <Button size="compact-xs" variant="default" onClick={stop(() => onAction(a, 'snooze'))} data-testid="alert-snooze">
                {t('alerts.center.snooze')}
              </Button>
              <Button size="compact-xs" variant="default" onClick={stop(() => onAction(a, 'ack'))} data-testid="alert-ack">
                {t('alerts.center.acknowledge')}
              </Button>
            </Group>
            {a.resurfaced && (
              <Text size="xs" c="dimmed">
                {t('alerts.center.resurfaced')}
              </Text>
            )}
          </Stack>
        ) : (
          <Stack gap={0}>
            <Badge size="sm" tt="none" variant="outline" color="gray">
              {a.state === 'snoozed' && a.ack?.snoozedUntil
                ? t('alerts.center.snoozedUntil', { date: a.ack.snoozedUntil })
                : t('alerts.state.acknowledged')}
            </Badge>
            {a.ack?.note && (
              <Text size="xs" c="dimmed" truncate title={a.ack.note}>
                {a.ack.note}
              </Text>
            )}
          </Stack>
        ),
    },
  ];
}
