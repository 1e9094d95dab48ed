/** A small keyboard-driven credentials form (Enter submits), shared by login, unlock, recovery and password change. */
import { Alert, Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError } from '../../api/client';

export interface CredentialField {
  name: string;
  label: string;
  secret?: boolean;
  initial?: string;
}

export function PasswordForm(props: { fields: CredentialField[]; submitLabel: string; onSubmit(values: Record<string, string>): Promise<unknown>; extra?: ReactNode; testId: string }) {
  const [values, setValues] = useState<Record<string, string>>(() => Object.fromEntries(props.fields.map((f) => [f.name, f.initial ?? ''])));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setErrors({});
    try {
      await props.onSubmit(values);
    } catch (err) {
      const field = err instanceof ApiError && err.field && props.fields.some((f) => f.name === err.field) ? err.field : 'form';
      setErrors({ [field]: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };
  const firstEmpty = props.fields.find((f) => !(f.initial ?? ''))?.name;
  return (
    <form onSubmit={(e) => void submit(e)} data-testid={props.testId}>
      <Stack gap="sm">
        {props.fields.map((f) => {
          const Input = f.secret ? PasswordInput : TextInput;
          return (
            <Input
              key={f.name}
              name={f.name}
              label={f.label}
              value={values[f.name]}
              autoFocus={f.name === firstEmpty}
              onChange={(e) => setValues({ ...values, [f.name]: e.currentTarget.value })}
              error={errors[f.name]}
            />
          );
        })}
        {errors.form && <Alert color="red">{errors.form}</Alert>}
        <Group justify="space-between">
          {props.extra ?? <span />}
          <Button type="submit" loading={busy}>
            {props.submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
