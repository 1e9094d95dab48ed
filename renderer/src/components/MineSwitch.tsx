/**
 * 只看我的: narrows a to-do list (alerts, 今日催收) to the customers whose
 * 业务员 is the logged-in user (the server decides, from the session, never
 * from a name the page sends). Before the office has users there is no "me",
 * so the switch is not shown and the page asks for everything.
 */
import { Switch } from '@mantine/core';
import { useT } from '../i18n/I18nProvider';
import { useAuthStatus } from '../pages/auth/useAuth';
import { useSessionState } from './useSessionState';

/** The switch's state for one page; `mine` is false whenever nobody is logged in. */
export function useMine(page: string): { mine: boolean; setMine(v: boolean): void; name: string | null } {
  const name = useAuthStatus().data?.user?.displayName ?? null;
  const [mine, setMine] = useSessionState(`${page}.mine`, false);
  return { mine: name !== null && mine, setMine, name };
}

export function MineSwitch({ state, 'data-testid': testId }: { state: ReturnType<typeof useMine>; 'data-testid'?: string }) {
  const t = useT();
  if (state.name === null) return null;
  return (
    <Switch
      size="sm"
      checked={state.mine}
      onChange={(e) => state.setMine(e.currentTarget.checked)}
      label={t('alerts.mine.label')}
      title={t('alerts.mine.hint', { name: state.name })}
      data-testid={testId}
    />
  );
}
