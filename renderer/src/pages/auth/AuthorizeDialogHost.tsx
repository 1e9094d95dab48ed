/**
 * The one dialog behind every refusal 'approval_required' (api/client.ts):
 * what exactly needs the boss, then either the boss types his password here
 * (当面授权: the act runs as the clerk, authorized by him) or the clerk sends
 * it as a pending request with a reason. Cancel leaves the form as it was.
 */
import { Alert, Modal, Stack, Tabs, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ApprovalRequirement } from '../../../../shared/api/controls';
import type { MethodName } from '../../../../shared/api/contract';
import { ApiError, apiClient, setApprovalHandler } from '../../api/client';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';
import { PasswordForm } from './PasswordForm';

interface Pending {
  method: MethodName;
  input: unknown;
  refusal: ApiError;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

export function AuthorizeDialogHost() {
  const t = useT();
  const [pending, setPending] = useState<Pending | null>(null);
  useEffect(() => {
    setApprovalHandler((method, input, refusal) => new Promise((resolve, reject) => setPending({ method, input, refusal, resolve, reject })));
    return () => setApprovalHandler(null);
  }, []);
  if (!pending) return null;
  const req = pending.refusal.details as ApprovalRequirement;
  const cancel = () => {
    pending.reject(pending.refusal);
    setPending(null);
  };
  const params = (pending.input ?? {}) as Record<string, unknown>;
  return (
    <Modal opened onClose={cancel} title={t('auth.authorize.title')} centered size="md" data-testid="authorize-dialog" zIndex={500}>
      <Stack>
        <Alert color="orange" variant="light" data-testid="authorize-summary">
          {req.summary}
        </Alert>
        <Tabs defaultValue="inPlace">
          <Tabs.List>
            <Tabs.Tab value="inPlace">{t('auth.authorize.inPlace')}</Tabs.Tab>
            <Tabs.Tab value="request">{t('auth.authorize.request')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="inPlace" pt="sm">
            <Text size="xs" c="dimmed" mb="xs">
              {t('auth.authorize.inPlaceHint')}
            </Text>
            <PasswordForm
              testId="authorize-form"
              fields={[
                { name: 'authorizer', label: t('auth.authorize.authorizer') },
                { name: 'password', label: t('auth.authorize.password'), secret: true },
              ]}
              submitLabel={t('auth.authorize.approve')}
              onSubmit={async (v) => {
                const result = await apiClient().call('approvals.authorizeInPlace', { method: pending.method, params, authorizer: v.authorizer, password: v.password });
                pending.resolve(result);
                setPending(null);
              }}
            />
          </Tabs.Panel>
          <Tabs.Panel value="request" pt="sm">
            <Text size="xs" c="dimmed" mb="xs">
              {t('auth.authorize.requestHint')}
            </Text>
            <PasswordForm
              testId="request-form"
              fields={[{ name: 'reason', label: t('auth.authorize.reason') }]}
              submitLabel={t('auth.authorize.submitRequest')}
              onSubmit={async (v) => {
                await apiClient().call('approvals.request', { method: pending.method, params, reason: v.reason });
                notifySuccess(t('auth.authorize.submitted'));
                pending.reject(new ApiError({ code: 'approval_required', field: null, message: t('auth.authorize.submitted') }));
                setPending(null);
              }}
            />
          </Tabs.Panel>
        </Tabs>
      </Stack>
    </Modal>
  );
}
