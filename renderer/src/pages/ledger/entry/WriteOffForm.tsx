/**
 * 坏账核销 (a bad-debt write-off): always against one invoice the clerk picks
 * from the customer's open ones (§4: a write-off names its target), for at
 * most what is open on it, with the reason. The form says what will happen
 * before it is saved; a write-off is undone only by voiding it.
 */
import { Alert, Grid, TextInput } from '@mantine/core';
import { KeySelect } from '../../../components/KeySelect';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { postWriteOffSchema, type PostWriteOffInput } from '../../../../../shared/api/ledger';
import { isIsoDate } from '../../../../../shared/dates/calendar';
import { formatFen } from '../../../../../shared/money/format';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { AmountInput } from '../../../components/AmountInput';
import { fenToAmountText } from '../../../components/amountText';
import { useT } from '../../../i18n/I18nProvider';
import { docNoToSend, readAmount, schemaErrors, slipDirty, type EntryBase, type EntryFormProps, type FieldMap } from './entryModel';
import { SlipHeaderRow } from './EntryFields';
import { EntryFormShell } from './EntryFormShell';
import { PeriodLockDialog, usePeriodLock } from './PeriodLockDialog';
import { keepForNext, useDocNoPrefill, useSlipSend } from './useEntry';

interface Values extends EntryBase {
  debitId: string | null;
  amount: string;
}

const FIELDS: FieldMap = { amountFen: 'amount' };
const AMOUNT = { label: '核销金额' };

const toInput = (v: Values, suggested: string | undefined): PostWriteOffInput => ({
  debitId: v.debitId ?? '',
  date: v.date,
  amountFen: readAmount(v.amount, AMOUNT).fen ?? 0,
  docNo: docNoToSend(v.docNo, suggested),
  memo: v.memo,
});

export function WriteOffForm({ customerId, date, onShared }: EntryFormProps) {
  const t = useT();
  const post = useApiMutation('ledger.postWriteOff');
  const lock = usePeriodLock<PostWriteOffInput>();
  const customerRef = useRef<HTMLInputElement>(null);
  const targetRef = useRef<HTMLInputElement>(null);
  const initial: Values = { customerId, date, docNo: '', memo: '', debitId: null, amount: '' };
  const form = useForm<Values>({
    initialValues: initial,
    validate: (v) =>
      schemaErrors(postWriteOffSchema, toInput(v, undefined), FIELDS, {
        customerId: v.customerId ? null : t('ledger.entry.pickCustomer'),
        debitId: v.debitId ? null : t('ledger.entry.pickTarget'),
        amount: readAmount(v.amount, AMOUNT).error,
      }),
  });
  const v = form.getValues();
  const suggested = useDocNoPrefill('write_off', v.date, v.docNo, (n) => form.setFieldValue('docNo', n));
  const open = useApiQuery(
    'ledger.openItems',
    { customerId: v.customerId ?? '', asOf: isIsoDate(v.date) ? v.date : null },
    { enabled: Boolean(v.customerId) },
  );
  const debits = open.data?.debits ?? [];
  const target = debits.find((d) => d.debitId === v.debitId) ?? null;
  const amountFen = readAmount(v.amount, AMOUNT).fen;

  useEffect(() => onShared(v.customerId, v.date), [v.customerId, v.date]);
  useEffect(() => (v.customerId ? targetRef : customerRef).current?.focus(), []);

  const clear = () => {
    form.setValues(keepForNext(initial, form.getValues()));
    form.resetDirty();
  };
  const send = useSlipSend<PostWriteOffInput, typeof initial>({
    post: post.mutateAsync,
    lock,
    form,
    fields: FIELDS,
    clear,
    focusNext: () => targetRef.current?.focus(),
  });
  const save = form.onSubmit((values) => void send(toInput(values, suggested)));

  const options = debits.map((d) => ({
    value: d.debitId,
    label: t('ledger.entry.targetOption', { docNo: d.docNo, date: d.date, open: formatFen(d.openFen) }),
  }));

  return (
    <>
      <EntryFormShell
        onSave={() => save()}
        onClear={clear}
        dirty={slipDirty(v, initial)}
        saving={post.isPending}
        saveLabel={t('ledger.entry.saveWriteOff')}
        testId="write-off-form"
      >
        <Grid gap="sm">
          <SlipHeaderRow
            form={form}
            onCustomer={(id) => {
                form.setValues({ customerId: id, debitId: null, amount: '' });
                form.clearFieldError('customerId');
              }}
            customerRef={customerRef}
            suggestedDocNo={suggested}
          />
          <Grid.Col span={8}>
            <KeySelect
              ref={targetRef}
              label={t('ledger.field.target')}
              withAsterisk
              placeholder={v.customerId && debits.length === 0 ? t('ledger.entry.noOpenInvoices') : undefined}
              data={options}
              searchable
              disabled={!v.customerId}
              {...form.getInputProps('debitId')}
              onChange={(id) => {
                const d = debits.find((x) => x.debitId === id);
                // The whole open amount is what is usually written off; the clerk may lower it.
                form.setValues({ debitId: id, amount: d ? fenToAmountText(d.openFen) : '' });
                form.clearFieldError('debitId');
              }}
              data-testid="entry-target"
            />
          </Grid.Col>
          <Grid.Col span={4}>
            <AmountInput label={t('ledger.field.writeOffAmount')} withAsterisk amount={AMOUNT} {...form.getInputProps('amount')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput
              label={t('ledger.field.writeOffReason')}
              withAsterisk
              maxLength={200}
              autoComplete="off"
              {...form.getInputProps('memo')}
            />
          </Grid.Col>
          {target && amountFen !== null && amountFen > 0 && (
            <Grid.Col span={12}>
              <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} py={8}>
                {t('ledger.entry.writeOffConsequence', { docNo: target.docNo, amount: formatFen(amountFen), open: formatFen(target.openFen) })}
              </Alert>
            </Grid.Col>
          )}
        </Grid>
      </EntryFormShell>
      <PeriodLockDialog {...lock.dialogProps('save', (input) => void send(input), post.isPending)} />
    </>
  );
}
