/**
 * 期初 (an opening balance when the books move into DealerDesk): signed, a
 * positive amount is what the customer owed then, a negative one a
 * prepayment (预收). Only a positive opening has a due date (blank = its date).
 */
import { Grid, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useRef } from 'react';
import { postOpeningSchema, type PostOpeningInput } from '../../../../../shared/api/ledger';
import { useApiMutation } from '../../../api/hooks';
import { AmountInput } from '../../../components/AmountInput';
import { DateField } from '../../../components/DateField';
import { useT } from '../../../i18n/I18nProvider';
import { docNoToSend, readAmount, schemaErrors, slipDirty, type EntryBase, type EntryFormProps, type FieldMap } from './entryModel';
import { BELOW, SlipHeaderRow } from './EntryFields';
import { EntryFormShell } from './EntryFormShell';
import { PeriodLockDialog, usePeriodLock } from './PeriodLockDialog';
import { keepForNext, useDocNoPrefill, useSlipSend } from './useEntry';

interface Values extends EntryBase {
  amount: string;
  dueOn: string;
}

const FIELDS: FieldMap = { amountFen: 'amount' };
const AMOUNT = { label: '金额', allowNegative: true };

function toInput(v: Values, suggested: string | undefined): PostOpeningInput {
  const amountFen = readAmount(v.amount, AMOUNT).fen ?? 0;
  return {
    customerId: v.customerId ?? '',
    date: v.date,
    // A prepayment has no due date; one typed before the minus sign is dropped, not refused.
    dueOn: amountFen < 0 ? null : v.dueOn || null,
    amountFen,
    docNo: docNoToSend(v.docNo, suggested),
    memo: v.memo,
  };
}

export function OpeningForm({ customerId, date, onShared }: EntryFormProps) {
  const t = useT();
  const post = useApiMutation('ledger.postOpening');
  const lock = usePeriodLock<PostOpeningInput>();
  const customerRef = useRef<HTMLInputElement>(null);
  const amountRef = useRef<HTMLInputElement>(null);
  const initial: Values = { customerId, date, docNo: '', memo: '', amount: '', dueOn: '' };
  const form = useForm<Values>({
    initialValues: initial,
    validate: (v) =>
      schemaErrors(postOpeningSchema, toInput(v, undefined), FIELDS, {
        customerId: v.customerId ? null : t('ledger.entry.pickCustomer'),
        amount: readAmount(v.amount, AMOUNT).error,
      }),
  });
  const v = form.getValues();
  const suggested = useDocNoPrefill('opening', v.date, v.docNo, (n) => form.setFieldValue('docNo', n));
  const amountFen = readAmount(v.amount, AMOUNT).fen;
  const prepayment = amountFen !== null && amountFen < 0;

  useEffect(() => onShared(v.customerId, v.date), [v.customerId, v.date]);
  useEffect(() => (v.customerId ? amountRef : customerRef).current?.focus(), []);

  const clear = () => {
    form.setValues(keepForNext(initial, form.getValues()));
    form.resetDirty();
  };
  const send = useSlipSend<PostOpeningInput, typeof initial>({
    post: post.mutateAsync,
    lock,
    form,
    fields: FIELDS,
    clear,
    focusNext: () => amountRef.current?.focus(),
  });
  const save = form.onSubmit((values) => void send(toInput(values, suggested)));

  return (
    <>
      <EntryFormShell
        onSave={() => save()}
        onClear={clear}
        dirty={slipDirty(v, initial)}
        saving={post.isPending}
        saveLabel={t('ledger.entry.saveOpening')}
        testId="opening-form"
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
              label={t('ledger.field.openingAmount')}
              withAsterisk
              amount={AMOUNT}
              description={t('ledger.entry.openingHint')}
              {...form.getInputProps('amount')}
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <DateField
              label={t('ledger.field.dueOn')}
              description={prepayment ? t('ledger.entry.openingNoDue') : t('ledger.entry.openingDueDefault')}
              inputWrapperOrder={BELOW}
              disabled={prepayment}
              {...form.getInputProps('dueOn')}
            />
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
