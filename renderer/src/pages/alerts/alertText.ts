/**
 * What the alert screens say about an alert, in the chosen language: the
 * sentence of shared/alerts/describe.ts (the same one the server writes in
 * Chinese for the CLI), the kind's label and the severity's colour.
 */
import type { Alert, AlertKind, AlertSeverity } from '../../../../shared/api/alerts';
import { describeAlert } from '../../../../shared/alerts/describe';
import { useT } from '../../i18n/I18nProvider';

/** critical red, warning orange, info neutral: nothing else on these screens shouts (UI.md). */
export const SEVERITY_COLORS: Record<AlertSeverity, string> = { critical: 'red', warning: 'orange', info: 'gray' };

export function useAlertText() {
  const t = useT();
  return {
    sentence: (a: Pick<Alert, 'kind' | 'facts' | 'contractNo' | 'docNo' | 'days'>) => {
      const s = describeAlert(a);
      return t(s.key, s.vars);
    },
    kind: (k: AlertKind) => t(`alerts.kind.${k}`),
    severity: (s: AlertSeverity) => t(`alerts.severity.${s}`),
  };
}
