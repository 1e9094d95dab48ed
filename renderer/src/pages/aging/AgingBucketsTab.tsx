/** 设置 → 账龄分段: the bucket list of each basis (registered in settings/settingsTabs.ts). */
import { Loader, SimpleGrid, Stack, Text } from '@mantine/core';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/I18nProvider';
import { BucketListEditor } from './BucketListEditor';

export function AgingBucketsTab() {
  const t = useT();
  const q = useApiQuery('aging.buckets', {});
  if (!q.data) return <Loader size="sm" />;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('aging.settings.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="xl">
        <BucketListEditor basis="due" title={t('aging.settings.due')} buckets={q.data.due} isDefault={q.data.dueIsDefault} />
        <BucketListEditor basis="document" title={t('aging.settings.document')} buckets={q.data.document} isDefault={q.data.documentIsDefault} />
      </SimpleGrid>
    </Stack>
  );
}
