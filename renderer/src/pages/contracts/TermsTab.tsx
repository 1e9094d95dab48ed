/** The 条款 tab: payment terms, rebate terms (返利条款) and notes as typed, line breaks kept. */
import { Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ContractDetail } from '../../../../shared/api/contracts';
import { useT } from '../../i18n/I18nProvider';

function Block({ label, text, empty }: { label: string; text: string; empty: string }) {
  return (
    <Paper withBorder p="sm">
      <Stack gap={4}>
        <Text size="xs" c="dimmed" fw={600}>
          {label}
        </Text>
        <Text size="sm" c={text ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap' }}>
          {text || empty}
        </Text>
      </Stack>
    </Paper>
  );
}

export function TermsTab({ contract: c }: { contract: ContractDetail }) {
  const t = useT();
  const empty = t('contracts.page.none');
  return (
    <Stack gap="sm" data-testid="contract-terms">
      <SimpleGrid cols={2} spacing="sm">
        <Block label={t('contracts.field.paymentTerms')} text={c.paymentTerms} empty={empty} />
        <Block label={t('contracts.field.rebateTerms')} text={c.rebateTerms} empty={empty} />
      </SimpleGrid>
      <Block label={t('contracts.field.notes')} text={c.notes} empty={empty} />
    </Stack>
  );
}
