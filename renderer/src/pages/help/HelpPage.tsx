/**
 * 往来规则说明: the receivables rules of DESIGN §4 in plain Chinese, for the
 * clerk who asks why a receipt paid that invoice or why a figure moved after
 * a back-dated entry. Reached from the navigation and the F1 sheet.
 */
import { Paper, Stack, Text, Title } from '@mantine/core';
import type { MessageKey } from '../../../../shared/i18n/translate';
import { useT } from '../../i18n/I18nProvider';

const SECTIONS = ['sides', 'order', 'allocation', 'due', 'aging', 'statement', 'void'] as const;

export function HelpPage() {
  const t = useT();
  return (
    <Stack gap="md" maw={880} data-testid="help-page">
      <Title order={3}>{t('desk.help.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('desk.help.intro')}
      </Text>
      {SECTIONS.map((s) => (
        <Paper key={s} withBorder p="md">
          <Title order={5} mb={6}>
            {t(`desk.help.sections.${s}Title` as MessageKey)}
          </Title>
          <Text size="sm" lh={1.8}>
            {t(`desk.help.sections.${s}` as MessageKey)}
          </Text>
        </Paper>
      ))}
    </Stack>
  );
}
