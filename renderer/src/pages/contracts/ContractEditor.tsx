/**
 * Creating and editing a contract, in the order a clerk reads a paper
 * contract: parties and number, dates, the lines, the payment schedule, the
 * terms. One form, one save (lines and schedule must agree, so they are
 * saved together). Enter moves on, Ctrl+S saves, Esc cancels; messages sit
 * under their fields and everything typed survives a refused save. What the
 * contract's status does not let change is shown disabled, with why.
 */
import { Alert, Button, Divider, Grid, Group, Paper, Text, TextInput, Textarea } from '@mantine/core';
import { KeySelect } from '../../components/KeySelect';
import { useForm } from '@mantine/form';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ContractDetail, ContractKind } from '../../../../shared/api/contracts';
import { ApiError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { AmountInput } from '../../components/AmountInput';
import { CustomerPicker } from '../../components/CustomerPicker';
import { DateField } from '../../components/DateField';
import { notifyError, notifySuccess } from '../../components/notify';
import { applyServerError } from '../../components/serverErrors';
import { useFormKeys } from '../../components/useFormKeys';
import { useT } from '../../i18n/I18nProvider';
import {
  amountIsManual,
  contractToValues,
  editScopeOf,
  emptyContractValues,
  emptyLine,
  isBlankLine,
  valuesToCreate,
  validateContractForm,
  valuesToUpdate,
  type ContractFormValues,
} from './contractFormModel';
import { InstallmentsEditor } from './InstallmentsEditor';
import { useContractLabels } from './labels';
import { LinesEditor } from './LinesEditor';
import { useUnsavedGuard } from '../../components/unsavedGuard';

export interface ContractEditorProps {
  /** The contract being edited; omitted for a new one. */
  contract?: ContractDetail;
  /** A new contract for this customer (from the customer card). */
  customerId?: string | null;
  onSaved(c: ContractDetail): void;
  onCancel(): void;
}

/** Hints under the input, so inputs side by side line up whether or not they have a hint. */
const BELOW: ('label' | 'input' | 'description' | 'error')[] = ['label', 'input', 'description', 'error'];

function Section({ title, hint, children }: { title: string; hint?: string; children?: ReactNode }) {
  return (
    <Grid.Col span={24} pt="sm" pb={0}>
      <Divider
        labelPosition="left"
        label={
          <Group gap={8}>
            <Text size="sm" fw={600} c="dark">
              {title}
            </Text>
            {hint && (
              <Text size="xs" c="dimmed">
                {hint}
              </Text>
            )}
            {children}
          </Group>
        }
      />
    </Grid.Col>
  );
}

export function ContractEditor({ contract: given, customerId = null, onSaved, onCancel }: ContractEditorProps) {
  const t = useT();
  // The contract as the form was loaded: its updatedAt makes a save refused if someone else saved meanwhile,
  // instead of the form silently taking their version (and losing what this clerk typed).
  const [contract] = useState(given);
  const labels = useContractLabels();
  const isNew = !contract;
  const scope = editScopeOf(contract);
  const create = useApiMutation('contracts.create');
  const update = useApiMutation('contracts.update');
  const firstRef = useRef<HTMLInputElement>(null);

  const form = useForm<ContractFormValues>({
    initialValues: contract ? contractToValues(contract) : emptyContractValues(customerId),
    validate: validateContractForm,
    validateInputOnBlur: true,
  });
  const values = form.getValues();

  // A new contract's number follows its signing month (HT202611-0003) until the clerk types one.
  const nextNo = useApiQuery('contracts.nextNo', { signedOn: values.signedOn || null }, { enabled: isNew, staleTime: 0 });
  const [suggested, setSuggested] = useState('');
  useEffect(() => {
    const no = nextNo.data?.contractNo;
    if (!isNew || !no) return;
    const current = form.getValues().contractNo;
    if (current === '' || current === suggested) {
      form.setFieldValue('contractNo', no);
      // A number the app filled in is not something the clerk typed: leaving must not ask to discard it.
      if (!form.isDirty()) form.resetDirty({ ...form.getValues(), contractNo: no });
    }
    setSuggested(no);
  }, [nextNo.data?.contractNo]);

  useEffect(() => {
    firstRef.current?.focus();
  }, []);

  const unsaved = useUnsavedGuard(form.isDirty());
  const submit = form.onSubmit(
    async (v) => {
      try {
        const saved = contract ? await update.mutateAsync(valuesToUpdate(contract, v)) : await create.mutateAsync(valuesToCreate(v));
        notifySuccess(isNew ? t('contracts.form.created', { no: saved.contractNo }) : t('common.saved'));
        form.resetDirty();
        unsaved.release();
        onSaved(saved);
      } catch (e) {
        if (e instanceof ApiError && e.field === 'expectedUpdatedAt') notifyError(t('common.saveFailed'), e);
        else if (!applyServerError(e, (f, m) => form.setFieldError(f, m))) notifyError(t('common.saveFailed'), e);
      }
    },
    // A refused field may be below the fold: bring the first one into view.
    (errors) => {
      const first = Object.keys(errors)[0];
      if (first) document.querySelector<HTMLElement>(`[data-path="${first}"]`)?.focus();
    },
  );
  // Esc leaves the form, but never silently with typed input, and not when it only closes an open dropdown.
  const cancel = () => unsaved.guard(onCancel);
  const formKeys = useFormKeys({ onSave: () => submit(), onCancel: cancel });
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    // Keys typed in a portal opened from the form (the split dialog) bubble here through React, not the DOM:
    // they belong to that dialog (its Esc must not cancel the whole form).
    if (!e.currentTarget.contains(e.target as Node)) return;
    if (e.key === 'Escape' && (e.target as HTMLElement).getAttribute('aria-expanded') === 'true') return;
    formKeys(e);
  };

  const input = (path: keyof ContractFormValues) => ({ ...form.getInputProps(path), 'data-path': path });
  const agreedLocked = scope !== 'all';
  const textLocked = scope === 'notes';
  const saving = create.isPending || update.isPending;

  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate data-testid="contract-form">
        {/* 24 columns: the three dates get room for a message under them on one line. */}
        <Grid gap="sm" columns={24}>
          {scope !== 'all' && (
            <Grid.Col span={24}>
              <Alert color="indigo" variant="light" py={8} icon={<IconInfoCircle size={18} />}>
                {scope === 'text' ? t('contracts.form.activeLocked') : t('contracts.form.closedLocked')}
              </Alert>
            </Grid.Col>
          )}
          <Section title={t('contracts.form.basic')} />
          <Grid.Col span={10}>
            <CustomerPicker
              label={t('contracts.field.customer')}
              withAsterisk
              ref={isNew && !customerId ? firstRef : undefined}
              disabled={agreedLocked}
              value={values.customerId}
              error={form.errors.customerId}
              data-path="customerId"
              onChange={(id) => {
                form.setFieldValue('customerId', id);
                form.clearFieldError('customerId');
              }}
            />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput
              label={t('contracts.field.contractNo')}
              // While active the alert above already says why; in a reopened draft the number alone stays fixed.
              description={isNew ? t('contracts.form.noHint') : scope === 'all' && !contract.contractNoEditable ? t('contracts.form.noFixed') : undefined}
              inputWrapperOrder={BELOW}
              maxLength={40}
              disabled={agreedLocked || (contract !== undefined && !contract.contractNoEditable)}
              styles={{ input: { fontFamily: 'monospace' } }}
              {...input('contractNo')}
            />
          </Grid.Col>
          <Grid.Col span={8}>
            <KeySelect
              label={t('contracts.field.kind')}
              data={labels.kindOptions}
              allowDeselect={false}
              disabled={agreedLocked}
              {...input('kind')}
              onChange={(v) => {
                const kind = (v as ContractKind | null) ?? 'sales';
                form.setFieldValue('kind', kind);
                // A framework agreement is often signed without lines: untouched blank lines would hide its amount field.
                const lines = form.getValues().lines;
                if (kind === 'framework') form.setFieldValue('lines', lines.filter((l) => !isBlankLine(l)));
                else if (lines.length === 0) form.setFieldValue('lines', [emptyLine()]);
              }}
            />
          </Grid.Col>
          <Grid.Col span={9}>
            <TextInput
              label={t('contracts.field.title')}
              placeholder={t('contracts.form.titlePlaceholder')}
              maxLength={200}
              disabled={textLocked}
              ref={isNew && !customerId ? undefined : firstRef}
              {...input('title')}
            />
          </Grid.Col>
          <Grid.Col span={5}>
            <DateField label={t('contracts.field.signedOn')} disabled={agreedLocked} {...input('signedOn')} />
          </Grid.Col>
          <Grid.Col span={5}>
            <DateField label={t('contracts.field.startsOn')} disabled={agreedLocked} {...input('startsOn')} />
          </Grid.Col>
          <Grid.Col span={5}>
            <DateField label={t('contracts.field.endsOn')} disabled={agreedLocked} {...input('endsOn')} />
          </Grid.Col>

          <Section title={t('contracts.form.lines')} hint={t('contracts.form.linesHint')} />
          <Grid.Col span={24}>
            <LinesEditor form={form} disabled={agreedLocked} />
          </Grid.Col>
          {amountIsManual(values) && (
            <Grid.Col span={8}>
              <AmountInput
                label={t('contracts.field.amount')}
                description={t('contracts.form.manualAmountHint')}
                amount={{ label: '合同金额', allowZero: true }}
                disabled={agreedLocked}
                {...input('amount')}
              />
            </Grid.Col>
          )}

          <Section title={t('contracts.form.installments')} hint={t('contracts.form.installmentsHint')} />
          <Grid.Col span={24}>
            <InstallmentsEditor form={form} disabled={agreedLocked} />
          </Grid.Col>

          <Section title={t('contracts.form.terms')} />
          <Grid.Col span={12}>
            <Textarea
              label={t('contracts.field.paymentTerms')}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={2000}
              disabled={textLocked}
              {...input('paymentTerms')}
            />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea
              label={t('contracts.field.rebateTerms')}
              placeholder={t('contracts.form.rebatePlaceholder')}
              autosize
              minRows={2}
              maxRows={8}
              maxLength={2000}
              disabled={textLocked}
              {...input('rebateTerms')}
            />
          </Grid.Col>
          <Grid.Col span={24}>
            <Textarea label={t('contracts.field.notes')} autosize minRows={1} maxRows={6} maxLength={2000} {...input('notes')} />
          </Grid.Col>
        </Grid>

        <Group justify="space-between" mt="md">
          <Text size="xs" c="dimmed">
            {form.isDirty() ? t('common.unsavedHint') : t('contracts.form.keysHint')}
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={cancel}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={saving} data-testid="contract-save">
              {isNew ? t('contracts.form.saveDraft') : t('contracts.form.save')}
            </Button>
          </Group>
        </Group>
      </form>
    </Paper>
  );
}
