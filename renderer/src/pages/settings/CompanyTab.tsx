import { Loader, Stack, Text } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/I18nProvider';
import { CompanyProfileForm } from './CompanyProfileForm';
import { LogoPicker } from './LogoPicker';

export function CompanyTab() {
  const t = useT();
  const profile = useApiQuery('settings.getCompany', {});
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('settings.companyIntro')}
      </Text>
      {profile.data ? <CompanyProfileForm profile={profile.data} /> : <Loader size="sm" />}
      <LogoPicker />
    </Stack>
  );
}
