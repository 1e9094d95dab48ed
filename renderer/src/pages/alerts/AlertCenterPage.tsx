/**
 * 预警: every alert of today (the server's date), grouped by kind in the
 * rule order, critical first inside a group. The page is one scroll area:
 * each group shows its top items and unfolds with "show all". Snoozed and
 * acknowledged ones are hidden unless "show all" is on; 只看我的 keeps the
 * customers whose 业务员 is me. Each row links to its customer (and
 * contract, or statement), each amount to what it is made of; snooze and
 * acknowledge open a short dialog.
 */
import { Anchor, Badge, Group, Loader, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { IconBellCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { ALERT_KINDS, type AlertKind, type AlertSeverity, type AlertView } from '../../../../shared/api/alerts';
import { useApiQuery } from '../../api/hooks';
import { EmptyState } from '../../components/EmptyState';
import { FilterBar } from '../../components/FilterBar';
import { MineSwitch, useMine } from '../../components/MineSwitch';
import { useSessionState } from '../../components/useSessionState';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { OpenItemsDrawer, type OpenItemsTarget } from '../aging/OpenItemsDrawer';
import { useDocumentDrawer } from '../ledger/document/useDocumentDrawer';
import { StatementDrawer } from '../statements/StatementDrawer';
import { amountTarget } from './alertAmountTarget';
import { SyncConflictDialog } from '../sync/SyncConflictDialog';
import { AlertActionDialog, type AlertAction } from './AlertActionDialog';
import { AlertGroup } from './AlertGroup';
import { SEVERITY_COLORS, useAlertText } from './alertText';
import { openAlertRules } from './openAlertRules';

type SeverityFilter = 'all' | AlertSeverity;

export function AlertCenterPage() {
  const t = useT();
  const text = useAlertText();
  const [showAll, setShowAll] = useSessionState('alerts.showAll', false);
  const [severity, setSeverity] = useSessionState<SeverityFilter>('alerts.severity', 'all');
  const [acting, setActing] = useState<{ alert: AlertView; action: AlertAction } | null>(null);
  const [statementId, setStatementId] = useState<string | null>(null);
  const [items, setItems] = useState<OpenItemsTarget | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<AlertKind>>(new Set());
  const documents = useDocumentDrawer();
  const mine = useMine('alerts');
  const list = useApiQuery('alerts.list', { asOf: null, all: showAll, mine: mine.mine });
  const toggle = (kind: AlertKind) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (!next.delete(kind)) next.add(kind);
      return next;
    });
  const openAmount = (a: AlertView) => {
    const target = amountTarget(a);
    if (target.to === 'openItems') setItems({ customerId: target.customerId, asOf: list.data?.asOf ?? '', basis: 'due', bucket: null });
    else if (target.to === 'statement') setStatementId(target.statementId);
    else if (target.to === 'document') documents.open(target.docId);
    else navigate(target.path);
  };

  const alerts = (list.data?.alerts ?? []).filter((a) => severity === 'all' || a.severity === severity);
  const active = (list.data?.alerts ?? []).filter((a) => a.state === 'active');
  const bySeverity = (s: AlertSeverity) => active.filter((a) => a.severity === s).length;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={3}>{t('alerts.center.title')}</Title>
          <Text size="sm" c="dimmed">
            {t('alerts.center.intro')}
          </Text>
        </Stack>
        <Anchor size="sm" onClick={openAlertRules} data-testid="alert-rules-link">
          {t('alerts.center.rules')}
        </Anchor>
      </Group>
      <FilterBar
        right={
          <Group gap={6} wrap="nowrap" data-testid="alert-summary">
            {list.data && (
              <Text size="sm" c="dimmed">
                {list.data.asOf}
              </Text>
            )}
            {(['critical', 'warning', 'info'] as const).map((s) => (
              // A zero count stays neutral: only something to act on may be red or orange.
              <Badge key={s} tt="none" size="md" variant={s === 'info' || bySeverity(s) === 0 ? 'light' : 'filled'} color={bySeverity(s) === 0 ? 'gray' : SEVERITY_COLORS[s]}>
                {text.severity(s)} {bySeverity(s)}
              </Badge>
            ))}
            <Text size="sm" data-testid="alert-total">
              {t('alerts.center.total', { count: active.length })}
            </Text>
          </Group>
        }
      >
        <SegmentedControl
          size="xs"
          value={severity}
          onChange={(v) => setSeverity(v as SeverityFilter)}
          data={[
            { value: 'all', label: t('ui.filter.all') },
            { value: 'critical', label: text.severity('critical') },
            { value: 'warning', label: text.severity('warning') },
            { value: 'info', label: text.severity('info') },
          ]}
        />
        <Switch size="sm" checked={showAll} onChange={(e) => setShowAll(e.currentTarget.checked)} label={t('alerts.center.showAll')} data-testid="alert-show-all" />
        <MineSwitch state={mine} data-testid="alert-mine" />
      </FilterBar>

      {list.isLoading && <Loader size="sm" />}
      {list.data && alerts.length === 0 && (
        <EmptyState icon={IconBellCheck} title={t('alerts.center.none')} description={t('alerts.center.noneHint')} />
      )}
      {ALERT_KINDS.map((kind) => {
        const group = alerts.filter((a) => a.kind === kind);
        return group.length ? (
          <AlertGroup
            key={kind}
            kind={kind}
            alerts={group}
            onAction={(alert, action) => setActing({ alert, action })}
            onOpenStatement={setStatementId}
            onOpenAmount={openAmount}
            expanded={expanded.has(kind)}
            onToggle={() => toggle(kind)}
          />
        ) : null;
      })}

      <SyncConflictDialog alert={acting?.action === 'resolve' ? acting.alert : null} onClose={() => setActing(null)} />
      <AlertActionDialog
        alert={acting && acting.action !== 'resolve' ? acting.alert : null}
        action={acting?.action === 'ack' ? 'ack' : 'snooze'}
        asOf={list.data?.asOf ?? ''}
        onClose={() => setActing(null)}
      />
      <StatementDrawer id={statementId} onClose={() => setStatementId(null)} />
      <OpenItemsDrawer target={items} onClose={() => setItems(null)} />
      {documents.drawer}
    </Stack>
  );
}
