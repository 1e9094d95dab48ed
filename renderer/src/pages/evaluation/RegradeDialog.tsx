/**
 * The boss's regrade: one customer to a chosen grade, or many to their
 * suggested grades, in one step. The service audits each change with the
 * scores of that moment.
 */
import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { CUSTOMER_GRADES, type CustomerGrade } from '../../../../shared/api/customerEnums';
import { useApiMutation } from '../../api/hooks';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';

export interface RegradeRequest {
  title: string;
  consequence?: string;
  /** One customer: the grade is chosen in the dialog (starting from `initial`). */
  single?: { customerId: string; initial: CustomerGrade };
  /** Many customers: each to its given grade. */
  many?: { customerId: string; grade: CustomerGrade }[];
  period: { from: string | null; to: string | null };
}

export function RegradeDialog({ request, onClose }: { request: RegradeRequest | null; onClose(done: boolean): void }) {
  const t = useT();
  const regrade = useApiMutation('evaluation.regrade');
  const [grade, setGrade] = useState<CustomerGrade>(request?.single?.initial ?? 'A');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [openedFor, setOpenedFor] = useState<RegradeRequest | null>(null);
  if (request !== openedFor) {
    setOpenedFor(request);
    setGrade(request?.single?.initial ?? 'A');
    setReason('');
    setError(null);
  }
  const submit = async () => {
    if (!request) return;
    setError(null);
    const changes = request.single ? [{ customerId: request.single.customerId, grade }] : (request.many ?? []);
    try {
      const r = await regrade.mutateAsync({ ...request.period, changes, reason });
      notifySuccess(t('evaluation.regrade.done', { count: r.changed }));
      onClose(true);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal opened={request !== null} onClose={() => onClose(false)} title={request?.title} size="md">
      <Stack gap="sm">
        {request?.consequence && <Text size="sm">{request.consequence}</Text>}
        {request?.single && (
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('evaluation.regrade.newGrade')}
            </Text>
            <SegmentedControl data-testid="regrade-grade" value={grade} onChange={(v) => setGrade(v as CustomerGrade)} data={[...CUSTOMER_GRADES]} />
          </Stack>
        )}
        <TextInput
          label={t('evaluation.regrade.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          data-autofocus
          onKeyDown={(e) => {
            if (e.key === 'Enter' && !e.nativeEvent.isComposing) void submit();
          }}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(false)}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void submit()} loading={regrade.isPending} data-testid="regrade-confirm">
            {t('evaluation.regrade.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
