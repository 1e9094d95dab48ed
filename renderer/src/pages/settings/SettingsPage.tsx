import { Paper, Stack, Tabs, Title } from '@mantine/core';
import { useSessionState } from '../../components/useSessionState';
import { useT } from '../../i18n/I18nProvider';
import { settingsTabs } from './settingsTabs';

export function SettingsPage() {
  const t = useT();
  const [tab, setTab] = useSessionState('settings.tab', settingsTabs[0].value);
  return (
    <Stack gap="md" maw={1080}>
      <Title order={3}>{t('settings.title')}</Title>
      <Tabs value={tab} onChange={(v) => setTab(v ?? settingsTabs[0].value)} keepMounted={false}>
        <Tabs.List>
          {settingsTabs.map((s) => (
            <Tabs.Tab key={s.value} value={s.value}>
              {t(s.label)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {settingsTabs.map((s) => (
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
