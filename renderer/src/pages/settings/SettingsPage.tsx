import { Loader, Paper, Stack, Tabs, Text, Title } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/I18nProvider';
import { CompanyProfileForm } from './CompanyProfileForm';
import { LogoPicker } from './LogoPicker';

export function SettingsPage() {
  const t = useT();
  const profile = useApiQuery('settings.getCompany', {});
  return (
    <Stack gap="md" maw={980}>
      <Title order={3}>{t('settings.title')}</Title>
      <Tabs defaultValue="company" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="company">{t('settings.companyTab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="company" pt="md">
          <Paper withBorder p="md">
            <Stack gap="md">
              <Text size="sm" c="dimmed">
                {t('settings.companyIntro')}
              </Text>
              {profile.data ? <CompanyProfileForm profile={profile.data} /> : <Loader size="sm" />}
              <LogoPicker />
            </Stack>
          </Paper>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
