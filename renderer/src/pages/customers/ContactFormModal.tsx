/** Adding or editing one contact: a short, focused entry, so a modal. */
import { Button, Checkbox, Grid, Group, Modal, TextInput } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { useEffect } from 'react';
import { contactFieldsSchema, type Contact } from '../../../../shared/api/customers';
import { useApiMutation } from '../../api/hooks';
import { notifyError } from '../../components/notify';
import { applyServerError } from '../../components/serverErrors';
import { useFormKeys } from '../../components/useFormKeys';
import { useT } from '../../i18n/I18nProvider';
import { useUnsavedGuard } from '../../components/unsavedGuard';

interface Values {
  name: string;
  title: string;
  mobile: string;
  phone: string;
  email: string;
  wechat: string;
  isPrimary: boolean;
}

const blank: Values = { name: '', title: '', mobile: '', phone: '', email: '', wechat: '', isPrimary: false };

export interface ContactFormModalProps {
  opened: boolean;
  customerId: string;
  /** The contact to edit, or null to add one. */
  contact: Contact | null;
  /** The customer has no contact yet: the new one becomes primary. */
  firstContact: boolean;
  onClose(): void;
  onSaved(c: Contact): void;
}

export function ContactFormModal({ opened, customerId, contact, firstContact, onClose, onSaved }: ContactFormModalProps) {
  const t = useT();
  const create = useApiMutation('contacts.create');
  const update = useApiMutation('contacts.update');
  const setPrimary = useApiMutation('contacts.setPrimary');
  const form = useForm<Values>({
    initialValues: blank,
    validate: schemaResolver(contactFieldsSchema, { sync: true }),
    validateInputOnBlur: true,
  });

  useEffect(() => {
    if (!opened) return;
    const v = contact
      ? { name: contact.name, title: contact.title, mobile: contact.mobile, phone: contact.phone, email: contact.email, wechat: contact.wechat, isPrimary: contact.isPrimary }
      : { ...blank, isPrimary: firstContact };
    form.setInitialValues(v);
    form.setValues(v);
    form.clearErrors();
  }, [opened, contact]);

  const unsaved = useUnsavedGuard(opened && form.isDirty());
  const close = () => unsaved.guard(onClose);
  const submit = form.onSubmit(async (v) => {
    try {
      let saved: Contact;
      if (contact) {
        const { isPrimary, ...fields } = v;
        saved = await update.mutateAsync({ id: contact.id, ...fields });
        if (isPrimary && !contact.isPrimary) await setPrimary.mutateAsync({ id: contact.id });
      } else {
        saved = await create.mutateAsync({ customerId, ...v });
      }
      unsaved.release();
      onSaved(saved);
    } catch (e) {
      if (!applyServerError(e, form.setFieldError)) notifyError(t('common.saveFailed'), e);
    }
  });
  const onKeyDown = useFormKeys({ onSave: () => submit(), onCancel: close });

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={contact ? t('customers.contacts.editTitle') : t('customers.contacts.addTitle')}
      size="lg"
      data-testid="contact-modal"
    >
      <form onSubmit={submit} onKeyDown={onKeyDown} noValidate>
        <Grid gap="sm">
          <Grid.Col span={6}>
            <TextInput label={t('customers.contacts.name')} withAsterisk data-autofocus maxLength={50} {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput label={t('customers.contacts.title')} maxLength={50} {...form.getInputProps('title')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput label={t('customers.contacts.mobile')} inputMode="tel" maxLength={30} {...form.getInputProps('mobile')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput label={t('customers.contacts.phone')} inputMode="tel" maxLength={50} {...form.getInputProps('phone')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput label={t('customers.contacts.email')} inputMode="email" maxLength={254} {...form.getInputProps('email')} />
          </Grid.Col>
          <Grid.Col span={6}>
            <TextInput label={t('customers.contacts.wechat')} maxLength={50} {...form.getInputProps('wechat')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Checkbox
              label={t('customers.contacts.isPrimary')}
              disabled={Boolean(contact?.isPrimary) || (!contact && firstContact)}
              {...form.getInputProps('isPrimary', { type: 'checkbox' })}
            />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end" mt="md" gap="xs">
          <Button variant="default" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
