import { Paper, Stack, Tabs, Title } from '@mantine/core';
import { useSessionState } from '../../components/useSessionState';
import { useT } from '../../i18n/I18nProvider';
import { roleMay } from '../../../../shared/auth/roles';
import { useAuthStatus } from '../auth/useAuth';
import { settingsTabs } from './settingsTabs';

export function SettingsPage() {
  const t = useT();
  const [tab, setTab] = useSessionState('settings.tab', settingsTabs[0].value);
  // Tabs a role may not use are hidden (issue 13; the dispatcher refuses their saves anyway).
  const role = useAuthStatus().data?.user?.role;
  const tabs = settingsTabs.filter((s) => !s.permission || !role || roleMay(role, s.permission));
  return (
    <Stack gap="md" maw={1080}>
      <Title order={3}>{t('settings.title')}</Title>
      <Tabs value={tab} onChange={(v) => setTab(v ?? settingsTabs[0].value)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((s) => (
            <Tabs.Tab key={s.value} value={s.value}>
              {t(s.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((s) => (
          <Tabs.Panel key={s.value} value={s.value} pt="md">
            <Paper withBorder p="md">
              <s.component />
            </Paper>
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}
