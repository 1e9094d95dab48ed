/**
 * Recording (or correcting) the VAT invoice of a shipment: the only change a
 * posted invoice accepts (ledger.setVatInvoice, audited). Once numbered, the
 * shipment leaves the 已发货未开票 list.
 */
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { localDateOf } from '../../../../shared/dates/clock';
import { formatFen } from '../../../../shared/money/format';
import { useApiMutation } from '../../api/hooks';
import { DateField } from '../../components/DateField';
import { notifySuccess } from '../../components/notify';
import { applyServerError } from '../../components/serverErrors';
import { useFormKeys } from '../../components/useFormKeys';
import { useT } from '../../i18n/I18nProvider';

export interface VatTarget {
  docId: string;
  docNo: string;
  amountFen: number;
  customerName: string;
  vatInvoiceNo: string;
  vatInvoiceDate: string | null;
}

export function VatInvoiceDialog({ target, onClose }: { target: VatTarget | null; onClose(): void }) {
  const t = useT();
  const save = useApiMutation('ledger.setVatInvoice');
  const [no, setNo] = useState('');
  const [date, setDate] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (target) {
      setNo(target.vatInvoiceNo);
      setDate(target.vatInvoiceDate ?? localDateOf(new Date()));
      setErrors({});
    }
  }, [target]);

  const submit = async () => {
    if (!target) return;
    if (no.trim() === '' && target.vatInvoiceNo === '') {
      setErrors({ vatInvoiceNo: t('ledger.vat.noRequired') });
      return;
    }
    try {
      await save.mutateAsync({ docId: target.docId, vatInvoiceNo: no, vatInvoiceDate: no.trim() ? date || null : null });
      notifySuccess(t('ledger.vat.saved', { docNo: target.docNo }));
      onClose();
    } catch (e) {
      const placed: Record<string, string> = {};
      if (!applyServerError(e, (f, m) => (placed[f] = m))) placed.vatInvoiceNo = e instanceof Error ? e.message : String(e);
      setErrors(placed);
    }
  };
  const keys = useFormKeys({ onSave: () => void submit(), onCancel: onClose });
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key === 'Escape' && (e.target as HTMLElement).getAttribute('aria-expanded') === 'true') return;
    keys(e);
  };

  return (
    <Modal opened={target !== null} onClose={onClose} title={t('ledger.vat.title')} centered data-testid="vat-dialog">
      {target && (
        <form
          onKeyDown={onKeyDown}
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
          noValidate
        >
          <Stack gap="sm">
            <Text size="sm">
              {t('ledger.vat.intro', { docNo: target.docNo, name: target.customerName, amount: formatFen(target.amountFen) })}
            </Text>
            <TextInput
              label={t('ledger.field.vatInvoiceNo')}
              data-autofocus
              maxLength={40}
              autoComplete="off"
              value={no}
              onChange={(e) => setNo(e.currentTarget.value)}
              error={errors.vatInvoiceNo}
            />
            <DateField label={t('ledger.field.vatInvoiceDate')} value={date} onChange={setDate} error={errors.vatInvoiceDate} />
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending} data-testid="vat-save">
                {t('ledger.vat.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
