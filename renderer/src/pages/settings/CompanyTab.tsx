import { Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/I18nProvider';
import { CompanyProfileForm } from './CompanyProfileForm';
import { LetterheadPreview, type LetterheadFields } from './LetterheadPreview';
import { LogoPicker } from './LogoPicker';

export function CompanyTab() {
  const t = useT();
  const profile = useApiQuery('settings.getCompany', {});
  const [typed, setTyped] = useState<LetterheadFields | null>(null);
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('settings.companyIntro')}
      </Text>
      {profile.data ? <CompanyProfileForm profile={profile.data} onValuesChange={setTyped} /> : <Loader size="sm" />}
      {typed && <LetterheadPreview fields={{ companyName: typed.companyName, shortName: typed.shortName, address: typed.address, phone: typed.phone }} />}
      <LogoPicker />
    </Stack>
  );
}
