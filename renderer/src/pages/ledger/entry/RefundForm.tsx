/**
 * 退款 (money paid back to the customer out of a prepayment): raises what the
 * customer owes, so it takes up the unapplied credit (预收) shown as the hint.
 */
import { Grid, TextInput } from '@mantine/core';
import { KeySelect } from '../../../components/KeySelect';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { postRefundSchema, type PostRefundInput, type ReceiptMethod } from '../../../../../shared/api/ledger';
import { formatFen } from '../../../../../shared/money/format';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { AmountInput } from '../../../components/AmountInput';
import { useT } from '../../../i18n/I18nProvider';
import { useLedgerLabels } from '../labels';
import { docNoToSend, readAmount, schemaErrors, slipDirty, type EntryBase, type EntryFormProps, type FieldMap } from './entryModel';
import { SlipHeaderRow } from './EntryFields';
import { EntryFormShell } from './EntryFormShell';
import { PeriodLockDialog, usePeriodLock } from './PeriodLockDialog';
import { keepForNext, useDocNoPrefill, useSlipSend } from './useEntry';

interface Values extends EntryBase {
  amount: string;
  method: ReceiptMethod;
  reference: string;
}

const FIELDS: FieldMap = { amountFen: 'amount' };
const AMOUNT = { label: '金额' };

const toInput = (v: Values, suggested: string | undefined): PostRefundInput => ({
  customerId: v.customerId ?? '',
  date: v.date,
  amountFen: readAmount(v.amount, AMOUNT).fen ?? 0,
  method: v.method,
  reference: v.reference,
  docNo: docNoToSend(v.docNo, suggested),
  memo: v.memo,
});

export function RefundForm({ customerId, date, onShared }: EntryFormProps) {
  const t = useT();
  const labels = useLedgerLabels();
  const post = useApiMutation('ledger.postRefund');
  const lock = usePeriodLock<PostRefundInput>();
  const customerRef = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const initial: Values = { customerId, date, docNo: '', memo: '', amount: '', method: 'bank_transfer', reference: '' };
  const form = useForm<Values>({
    initialValues: initial,
    validate: (v) =>
      schemaErrors(postRefundSchema, toInput(v, undefined), FIELDS, {
        customerId: v.customerId ? null : t('ledger.entry.pickCustomer'),
        amount: readAmount(v.amount, AMOUNT).error,
      }),
  });
  const v = form.getValues();
  const suggested = useDocNoPrefill('refund', v.date, v.docNo, (n) => form.setFieldValue('docNo', n));
  const summary = useApiQuery('ledger.summary', { customerId: v.customerId ?? '' }, { enabled: Boolean(v.customerId) });

  useEffect(() => onShared(v.customerId, v.date), [v.customerId, v.date]);
  useEffect(() => (v.customerId ? amountRef : customerRef).current?.focus(), []);

  const clear = () => {
    form.setValues(keepForNext(initial, form.getValues()));
    form.resetDirty();
  };
  const send = useSlipSend<PostRefundInput, typeof initial>({
    post: post.mutateAsync,
    lock,
    form,
    fields: FIELDS,
    clear,
    focusNext: () => amountRef.current?.focus(),
  });
  const save = form.onSubmit((values) => void send(toInput(values, suggested)));

  const unapplied = summary.data?.unappliedFen;
  return (
    <>
      <EntryFormShell
        onSave={() => save()}
        onClear={clear}
        dirty={slipDirty(v, initial)}
        saving={post.isPending}
        saveLabel={t('ledger.entry.saveRefund')}
        testId="refund-form"
      >
        <Grid gap="sm">
          <SlipHeaderRow
            form={form}
            onCustomer={(id) => {
                form.setFieldValue('customerId', id);
                form.clearFieldError('customerId');
              }}
            customerRef={customerRef}
            suggestedDocNo={suggested}
          />
          <Grid.Col span={4}>
            <AmountInput
              ref={amountRef}
              label={t('ledger.field.amount')}
              withAsterisk
              amount={AMOUNT}
              description={unapplied !== undefined ? t('ledger.entry.refundHint', { amount: formatFen(unapplied) }) : undefined}
              {...form.getInputProps('amount')}
            />
          </Grid.Col>
          <Grid.Col span={3}>
            <KeySelect
              label={t('ledger.field.method')}
              data={labels.refundMethodOptions}
              allowDeselect={false}
              {...form.getInputProps('method')}
              onChange={(m) => form.setFieldValue('method', (m as ReceiptMethod | null) ?? 'bank_transfer')}
            />
          </Grid.Col>
          <Grid.Col span={5}>
            <TextInput label={t('ledger.field.reference')} maxLength={60} autoComplete="off" {...form.getInputProps('reference')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput label={t('ledger.field.memo')} maxLength={200} autoComplete="off" {...form.getInputProps('memo')} />
          </Grid.Col>
        </Grid>
      </EntryFormShell>
      <PeriodLockDialog {...lock.dialogProps('save', (input) => void send(input), post.isPending)} />
    </>
  );
}
