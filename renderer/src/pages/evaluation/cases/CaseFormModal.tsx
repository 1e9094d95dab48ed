/** 登记售后单: a short keyboard-first form (Enter moves on, Ctrl+S saves); the service's message shows under the field. */
import { Alert, Button, Group, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { KeySelect } from '../../../components/KeySelect';
import { useState } from 'react';
import { CASE_TYPES, type CaseType } from '../../../../../shared/evaluation/enums';
import { useApiMutation } from '../../../api/hooks';
import { CustomerPicker } from '../../../components/CustomerPicker';
import { DateField } from '../../../components/DateField';
import { notifySuccess } from '../../../components/notify';
import { useT } from '../../../i18n/I18nProvider';

interface Props {
  opened: boolean;
  /** Fixed customer (the customer card); null = picked in the form. */
  customerId: string | null;
  today: string;
  onClose(createdId: string | null): void;
}

export function CaseFormModal({ opened, customerId, today, onClose }: Props) {
  const t = useT();
  const create = useApiMutation('cases.create');
  const [customer, setCustomer] = useState<string | null>(customerId);
  const [type, setType] = useState<CaseType>('quality');
  const [description, setDescription] = useState('');
  const [receivedOn, setReceivedOn] = useState(today);
  const [promisedOn, setPromisedOn] = useState('');
  const [owner, setOwner] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const save = async () => {
    setErrors({});
    setError(null);
    try {
      const c = await create.mutateAsync({
        customerId: customer ?? '',
        type,
        description,
        receivedOn,
        promisedOn: promisedOn === '' ? null : promisedOn,
        owner,
      });
      notifySuccess(t('evaluation.cases.created'));
      setDescription('');
      setPromisedOn('');
      onClose(c.id);
    } catch (e) {
      const field = (e as { field?: string | null }).field;
      const message = e instanceof Error ? e.message : String(e);
      if (field) setErrors({ [field]: message });
      else setError(message);
    }
  };
  const keys = (e: React.KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
      e.preventDefault();
      void save();
    }
  };

  return (
    <Modal opened={opened} onClose={() => onClose(null)} title={t('evaluation.cases.add')} size="lg">
      <Stack gap="xs" onKeyDown={keys} data-testid="case-form">
        {customerId === null && (
          <CustomerPicker label={t('evaluation.cases.customer')} value={customer} onChange={(id) => setCustomer(id)} error={errors.customerId} data-autofocus required />
        )}
        <Group grow>
          <KeySelect
            label={t('evaluation.cases.type')}
            data={CASE_TYPES.map((v) => ({ value: v, label: t(`evaluation.cases.typeLabel.${v}`) }))}
            value={type}
            onChange={(v) => setType((v as CaseType | null) ?? 'quality')}
            allowDeselect={false}
            error={errors.type}
          />
          <TextInput label={t('evaluation.cases.owner')} value={owner} onChange={(e) => setOwner(e.currentTarget.value)} error={errors.owner} />
        </Group>
        <Textarea
          label={t('evaluation.cases.description')}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          autosize
          minRows={2}
          error={errors.description}
          data-autofocus={customerId !== null ? true : undefined}
          required
        />
        <Group grow>
          <DateField label={t('evaluation.cases.receivedOn')} value={receivedOn} onChange={setReceivedOn} error={errors.receivedOn} required />
          <DateField
            label={t('evaluation.cases.promisedOn')}
            description={t('evaluation.cases.promisedHint')}
            value={promisedOn}
            onChange={setPromisedOn}
            error={errors.promisedOn}
            data-testid="case-promised"
          />
        </Group>
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onClose(null)}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => void save()} loading={create.isPending} data-testid="case-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
