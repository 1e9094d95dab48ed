/**
 * The working of the DSO figure (§4): the receivables balance ÷ the invoices
 * of the 90 days up to the date × 90. Both amounts open what they count.
 */
import { Group, Modal, Stack, Text } from '@mantine/core';
import type { DsoPoint } from '../../../../shared/api/dashboard';
import { addDays } from '../../../../shared/dates/calendar';
import { ClickableAmount } from '../../components/ClickableAmount';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { agingHref } from '../aging/agingLinks';
import type { FlowTarget } from './FlowDrawer';

export function DsoModal({ point, onClose, onFlow }: { point: DsoPoint | null; onClose(): void; onFlow(target: FlowTarget): void }) {
  const t = useT();
  return (
    <Modal opened={point !== null} onClose={onClose} title={t('aging.dashboard.dso')} size="lg" data-testid="dso-modal">
      {point && (
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            {t('aging.dashboard.dsoHint')}
          </Text>
          <Group gap="xs" wrap="nowrap" fz="lg">
            <ClickableAmount fen={point.balanceFen} showZero strong onClick={() => navigate(agingHref({ basis: 'due' }))} title={t('aging.dashboard.receivables')} />
            <Text span>÷</Text>
            <ClickableAmount
              fen={point.invoicedFen}
              showZero
              onClick={() => {
                onClose();
                onFlow({ kind: 'invoice', from: addDays(point.date, -89), to: point.date, title: t('aging.dashboard.invoiced'), totalFen: point.invoicedFen });
              }}
              title={t('aging.dashboard.invoiced')}
            />
            <Text span>× 90 =</Text>
            <Text span fw={700}>
              {point.days === null ? '—' : t('aging.dashboard.dsoDays', { days: point.days.toFixed(1) })}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            {addDays(point.date, -89)} – {point.date}
          </Text>
        </Stack>
      )}
    </Modal>
  );
}
