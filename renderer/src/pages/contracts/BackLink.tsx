/** The "‹ 合同列表" link above every contract page. */
import { Anchor, Group, Text } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';

export function BackLink({ to = '/contracts', label }: { to?: string; label?: string }) {
  const t = useT();
  return (
    <Anchor size="sm" onClick={() => navigate(to)} w="fit-content" data-testid="contract-back">
      <Group gap={2}>
        <IconChevronLeft size={14} />
        <Text span size="sm">
          {label ?? t('contracts.page.back')}
        </Text>
      </Group>
    </Anchor>
  );
}
