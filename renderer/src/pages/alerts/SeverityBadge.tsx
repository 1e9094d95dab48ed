/** The severity of an alert: a small badge, red / orange / neutral. */
import { Badge } from '@mantine/core';
import type { AlertSeverity } from '../../../../shared/api/alerts';
import { SEVERITY_COLORS, useAlertText } from './alertText';

export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  const text = useAlertText();
  return (
    <Badge size="sm" tt="none" radius="sm" color={SEVERITY_COLORS[severity]} variant={severity === 'info' ? 'light' : 'filled'} data-severity={severity}>
      {text.severity(severity)}
    </Badge>
  );
}
