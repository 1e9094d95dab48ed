/**
 * 开始使用: the first hour of a new office, one step at a time — the
 * company profile (the statement letterhead), the default 账期 and credit
 * control, customers from Excel, opening balances, done. Every step saves as
 * it goes and the wizard remembers where it stopped (settings.officeSetup),
 * so closing the app half-way resumes there. Shown instead of the dashboard
 * while the office has nothing on file; always reachable at #/setup.
 */
import { Alert, Button, Group, NumberInput, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useApiMutation, useApiQuery } from '../../api/hooks';
import { ImportWizard } from '../../components/ImportWizard';
import { notifyError, notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { CUSTOMER_IMPORT_COLUMNS } from '../customers/importColumns';
import { LEDGER_IMPORT_COLUMNS } from '../ledger/importColumns';
import { LedgerSettingsTab } from '../ledger/LedgerSettingsTab';
import { CompanyTab } from '../settings/CompanyTab';
import { LoadDemoButton } from '../../components/LoadDemoButton';

const LAST = 4;

function TermsStep() {
  const t = useT();
  const settings = useApiQuery('settings.receivables', {});
  const save = useApiMutation('settings.updateReceivables');
  const [days, setDays] = useState<number | string>('');
  useEffect(() => {
    if (settings.data && days === '') setDays(settings.data.defaultPaymentTermDays);
  }, [settings.data]);
  const [error, setError] = useState<string | undefined>();
  const store = async () => {
    try {
      await save.mutateAsync({ defaultPaymentTermDays: typeof days === 'number' ? days : Number(days) });
      setError(undefined);
      notifySuccess(t('common.saved'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Stack gap="md">
      <Group align="flex-end">
        <NumberInput
          label={t('desk.setup.defaultTerm')}
          description={t('desk.setup.defaultTermHint')}
          w={380}
          min={0}
          max={3650}
          allowDecimal={false}
          value={days}
          onChange={setDays}
          onBlur={() => void store()}
          onKeyDown={(e) => {
            if (e.key === 'Enter' || ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's')) {
              e.preventDefault();
              void store();
            }
          }}
          error={error}
          data-testid="setup-default-term"
        />
      </Group>
      <LedgerSettingsTab />
    </Stack>
  );
}

function ImportStep({ kind, done }: { kind: 'customers' | 'opening'; done: string }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [imported, setImported] = useState<number | null>(null);
  return (
    <Stack gap="sm">
      <Text size="sm">{t(kind === 'customers' ? 'desk.setup.customersIntro' : 'desk.setup.openingIntro')}</Text>
      <Group>
        <Button leftSection={<IconFileImport size={16} />} onClick={() => setOpen(true)} data-testid={`setup-import-${kind}`}>
          {t(kind === 'customers' ? 'desk.setup.importCustomers' : 'desk.setup.importOpening')}
        </Button>
        {imported !== null && (
          <Text size="sm" c="teal" data-testid={`setup-imported-${kind}`}>
            {t('desk.setup.imported', { n: imported, what: done })}
          </Text>
        )}
      </Group>
      {open && (
        <ImportWizard
          opened
          onClose={() => setOpen(false)}
          kind={kind}
          kindLabel={done}
          columns={kind === 'customers' ? CUSTOMER_IMPORT_COLUMNS : LEDGER_IMPORT_COLUMNS.opening}
          onImported={(r) => setImported((n) => (n ?? 0) + r.report.imported)}
        />
      )}
    </Stack>
  );
}

export function OfficeSetupPage() {
  const t = useT();
  const state = useApiQuery('settings.officeSetup', {});
  const company = useApiQuery('settings.getCompany', {});
  const save = useApiMutation('settings.saveOfficeSetup');
  const [step, setStep] = useState<number | null>(null);
  const current = step ?? state.data?.step ?? 0;
  const named = Boolean(company.data?.companyName.trim());

  const go = async (next: number) => {
    // Finished, the home page is the dashboard again: keep the done screen at its own address.
    if (next >= LAST) navigate('/setup');
    setStep(next);
    try {
      await save.mutateAsync({ step: Math.min(next, LAST), done: next >= LAST });
    } catch (e) {
      notifyError(t('common.saveFailed'), e);
    }
  };

  // Opened once, the wizard stays the home page until finished (a customer typed in meanwhile must not end it).
  useEffect(() => {
    if (state.data && !state.data.started && !state.data.done) save.mutate({ step: state.data.step, done: false });
  }, [state.data?.started]);

  if (!state.data) return null;
  return (
    <Stack gap="md" maw={1080} data-testid="office-setup">
      <Group justify="space-between" align="center">
        <Title order={3}>{t('desk.setup.title')}</Title>
        {/* Trying the app first opens a separate demo database, never this office's file. */}
        {!state.data.done && <LoadDemoButton />}
      </Group>
      <Text size="sm" c="dimmed">
        {t('desk.setup.intro')}
      </Text>
      <Stepper active={current} onStepClick={(s) => void go(s)} size="sm" allowNextStepsSelect={false}>
        <Stepper.Step label={t('desk.setup.stepCompany')}>
          <Paper withBorder p="md">
            <CompanyTab />
          </Paper>
        </Stepper.Step>
        <Stepper.Step label={t('desk.setup.stepTerms')}>
          <Paper withBorder p="md">
            <TermsStep />
          </Paper>
        </Stepper.Step>
        <Stepper.Step label={t('desk.setup.stepCustomers')}>
          <Paper withBorder p="md">
            <ImportStep kind="customers" done={t('desk.setup.customersWord')} />
          </Paper>
        </Stepper.Step>
        <Stepper.Step label={t('desk.setup.stepOpening')}>
          <Paper withBorder p="md">
            <ImportStep kind="opening" done={t('desk.setup.openingWord')} />
          </Paper>
        </Stepper.Step>
        <Stepper.Completed>
          <Paper withBorder p="md">
            <Stack gap="sm" data-testid="setup-done">
              <Text fw={600}>{t('desk.setup.doneTitle')}</Text>
              <Text size="sm">{t('desk.setup.doneText')}</Text>
              <Group>
                <Button onClick={() => navigate('/statements')}>{t('desk.setup.toStatements')}</Button>
                <Button variant="default" onClick={() => navigate('/customers')}>
                  {t('desk.setup.toCustomers')}
                </Button>
                <Button variant="default" onClick={() => navigate('/ledger/entry')}>
                  {t('desk.setup.toEntry')}
                </Button>
              </Group>
            </Stack>
          </Paper>
        </Stepper.Completed>
      </Stepper>
      {current === 0 && !named && (
        <Alert color="orange" variant="light" py={8}>
          {t('desk.setup.nameFirst')}
        </Alert>
      )}
      {current < LAST && (
        <Group justify="space-between">
          <Button variant="default" disabled={current === 0} onClick={() => void go(current - 1)}>
            {t('desk.setup.back')}
          </Button>
          <Button onClick={() => void go(current + 1)} disabled={current === 0 && !named} data-testid="setup-next">
            {current === LAST - 1 ? t('desk.setup.finish') : t('desk.setup.next')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
