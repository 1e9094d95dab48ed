/**
 * One kind's alerts on the alert center: a titled section with its counts
 * and a dense list of its top items (the most severe, the largest first);
 * "show all" unfolds the rest in place. The list has no scroll of its own:
 * the page is the one scroll area.
 */
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { AlertKind, AlertView } from '../../../../shared/api/alerts';
import { ALERT_SEVERITIES } from '../../../../shared/api/alerts';
import { DataTable } from '../../components/DataTable';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import type { AlertAction } from './AlertActionDialog';
import { useAlertColumns } from './alertColumns';
import { SEVERITY_COLORS, useAlertText } from './alertText';

export interface AlertGroupProps {
  kind: AlertKind;
  alerts: readonly AlertView[];
  onAction(alert: AlertView, action: AlertAction): void;
  onOpenStatement(statementId: string): void;
  /** What an amount is made of (open items, a contract, a statement…). */
  onOpenAmount(alert: AlertView): void;
  expanded: boolean;
  onToggle(): void;
}

/** Items a folded group shows. */
export const GROUP_TOP = 5;

export function AlertGroup({ kind, alerts, onAction, onOpenStatement, onOpenAmount, expanded, onToggle }: AlertGroupProps) {
  const t = useT();
  const text = useAlertText();
  const columns = useAlertColumns(onAction, onOpenStatement, onOpenAmount);
  const shown = expanded ? alerts : alerts.slice(0, GROUP_TOP);
  return (
    <Paper withBorder p="sm" data-testid={`alert-group-${kind}`}>
      <Stack gap={8}>
        <Group gap="xs">
          <Text fw={600}>{text.kind(kind)}</Text>
          <Badge variant="light" color="gray" size="sm" data-testid="alert-group-count">
            {alerts.length}
          </Badge>
          {[...ALERT_SEVERITIES].reverse().map((s) => {
            const n = alerts.filter((a) => a.severity === s && a.state === 'active').length;
            return n > 0 && s !== 'info' ? (
              <Badge key={s} size="sm" tt="none" color={SEVERITY_COLORS[s]} variant="light">
                {text.severity(s)} {n}
              </Badge>
            ) : null;
          })}
        </Group>
        <DataTable
          rows={shown}
          columns={columns}
          rowKey={(a) => a.key}
          height="auto"
          wrap
          onRowClick={(a) => navigate(`/customers/${a.customerId}`)}
          rowStyle={(a) => (a.state === 'active' ? undefined : { opacity: 0.6 })}
          data-testid={`alert-table-${kind}`}
        />
        {alerts.length > GROUP_TOP && (
          <Button variant="subtle" size="compact-sm" w="fit-content" onClick={onToggle} data-testid="alert-group-toggle">
            {expanded ? t('alerts.center.fold') : t('alerts.center.showAllOf', { count: alerts.length })}
          </Button>
        )}
      </Stack>
    </Paper>
  );
}
