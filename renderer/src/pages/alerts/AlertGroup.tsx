/** One kind's alerts on the alert center: a titled section with its counts and a dense list. */
import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import type { AlertKind, AlertView } from '../../../../shared/api/alerts';
import { ALERT_SEVERITIES } from '../../../../shared/api/alerts';
import { DataTable } from '../../components/DataTable';
import { navigate } from '../../shell/router';
import type { AlertAction } from './AlertActionDialog';
import { useAlertColumns } from './alertColumns';
import { SEVERITY_COLORS, useAlertText } from './alertText';

export interface AlertGroupProps {
  kind: AlertKind;
  alerts: readonly AlertView[];
  onAction(alert: AlertView, action: AlertAction): void;
  onOpenStatement(statementId: string): void;
}

export function AlertGroup({ kind, alerts, onAction, onOpenStatement }: AlertGroupProps) {
  const text = useAlertText();
  const columns = useAlertColumns(onAction, onOpenStatement);
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
          rows={alerts}
          columns={columns}
          rowKey={(a) => a.key}
          height="auto"
          maxHeight={360}
          wrap
          onRowClick={(a) => navigate(`/customers/${a.customerId}`)}
          rowStyle={(a) => (a.state === 'active' ? undefined : { opacity: 0.6 })}
          data-testid={`alert-table-${kind}`}
        />
      </Stack>
    </Paper>
  );
}
