/** Opens 设置 on the 预警规则 tab (the settings page remembers its tab in the session under this key). */
import { navigate } from '../../shell/router';

export const ALERT_RULES_TAB = 'alerts';

export function openAlertRules(): void {
  sessionStorage.setItem('dealerdesk.settings.tab', JSON.stringify(ALERT_RULES_TAB));
  navigate('/settings');
}
