/**
 * 记录电话: one click from today's list logs a phone call dated today, with
 * an optional promise to pay (date + amount) and next follow-up. The
 * service refuses a promise without an amount or dated before today; its
 * message appears under the field and everything typed stays.
 */
import { Button, Group, Modal, SimpleGrid, Stack, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CollectionRow } from '../../../../shared/api/alerts';
import { useApiMutation } from '../../api/hooks';
import { AmountInput } from '../../components/AmountInput';
import { parseAmountText } from '../../components/amountText';
import { DateField } from '../../components/DateField';
import { notifySuccess } from '../../components/notify';
import { applyServerError } from '../../components/serverErrors';
import { useT } from '../../i18n/I18nProvider';
import { useUnsavedGuard } from '../../components/unsavedGuard';
import { isSaveKey } from '../../components/useFormKeys';

const AMOUNT_LABEL = '承诺付款金额';

interface Values {
  summary: string;
  promiseDate: string;
  promiseAmount: string;
  nextFollowUp: string;
}
const EMPTY: Values = { summary: '', promiseDate: '', promiseAmount: '', nextFollowUp: '' };

/** API field -> form field. */
const formField = (f: string) => (f === 'promiseAmountFen' ? 'promiseAmount' : f);

export function LogCallModal({ row, onClose }: { row: CollectionRow | null; onClose(): void }) {
  const t = useT();
  const logCall = useApiMutation('collection.logCall');
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Values, string>>>({});

  useEffect(() => {
    if (row) {
      setValues(EMPTY);
      setErrors({});
    }
  }, [row]);

  const set = (field: keyof Values) => (v: string) => {
    setValues((prev) => ({ ...prev, [field]: v }));
    setErrors((prev) => ({ ...prev, [field]: undefined }));
  };

  const unsaved = useUnsavedGuard(row !== null && (Object.keys(EMPTY) as (keyof Values)[]).some((k) => values[k] !== EMPTY[k]));
  const close = () => unsaved.guard(onClose);
  const save = async () => {
    if (!row) return;
    const amount = parseAmountText(values.promiseAmount, { label: AMOUNT_LABEL });
    if (!amount.ok) {
      setErrors({ promiseAmount: amount.message });
      return;
    }
    try {
      await logCall.mutateAsync({
        customerId: row.customerId,
        summary: values.summary,
        promiseDate: values.promiseDate || null,
        promiseAmountFen: amount.value,
        nextFollowUp: values.nextFollowUp || null,
      });
      notifySuccess(t('alerts.logCall.saved'));
      unsaved.release();
      onClose();
    } catch (e) {
      const placed = applyServerError(e, (f, m) => setErrors((prev) => ({ ...prev, [formField(f)]: m })));
      if (!placed) setErrors({ summary: e instanceof Error ? e.message : String(e) });
    }
  };

  return (
    <Modal
      opened={row !== null}
      onClose={close}
      title={row ? t('alerts.logCall.title', { customer: row.customerName }) : ''}
      centered
      size="lg"
      data-testid="log-call-modal"
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (isSaveKey(e)) {
            e.preventDefault();
            void save();
          }
        }}
        noValidate
      >
        <Stack gap="sm">
          <Textarea
            label={t('alerts.logCall.summary')}
            placeholder={t('alerts.logCall.summaryPlaceholder')}
            withAsterisk
            autosize
            minRows={2}
            maxLength={2000}
            data-autofocus
            value={values.summary}
            onChange={(e) => set('summary')(e.currentTarget.value)}
            error={errors.summary}
          />
          <SimpleGrid cols={3} spacing="sm">
            <DateField label={t('alerts.logCall.promiseDate')} value={values.promiseDate} onChange={set('promiseDate')} error={errors.promiseDate} />
            <AmountInput
              label={t('alerts.logCall.promiseAmount')}
              amount={{ label: AMOUNT_LABEL }}
              value={values.promiseAmount}
              onChange={set('promiseAmount')}
              error={errors.promiseAmount}
            />
            <DateField label={t('alerts.logCall.nextFollowUp')} value={values.nextFollowUp} onChange={set('nextFollowUp')} error={errors.nextFollowUp} />
          </SimpleGrid>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={logCall.isPending} data-testid="log-call-save">
              {t('alerts.logCall.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
