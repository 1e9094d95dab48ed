/** 核对码查询: type the code printed on a returned statement and find it in the register. */
import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { VerifyResult } from '../../../../shared/api/statements';
import { formatFen } from '../../../../shared/money/format';
import { apiClient } from '../../api/client';
import { useT } from '../../i18n/I18nProvider';
import { statusKey } from './labels';

export function VerifyBox({ onOpen }: { onOpen(id: string): void }) {
  const t = useT();
  const [code, setCode] = useState('');
  const [result, setResult] = useState<VerifyResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const lookUp = async () => {
    if (code.trim() === '') return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await apiClient().call('statements.verify', { code }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const s = result?.statement;
  return (
    <Stack gap={6}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void lookUp();
        }}
      >
        <Group gap="xs" align="flex-start">
          <TextInput
            size="xs"
            w={300}
            aria-label={t('statements.verify.label')}
            placeholder={t('statements.verify.placeholder')}
            value={code}
            onChange={(e) => setCode(e.currentTarget.value)}
            leftSection={<IconSearch size={14} />}
            error={error}
            styles={{ input: { fontFamily: 'monospace' } }}
            data-testid="statement-verify-input"
          />
          <Button size="xs" variant="default" type="submit" loading={busy} data-testid="statement-verify">
            {t('statements.verify.button')}
          </Button>
        </Group>
      </form>
      {s && result && (
        <Alert
          py={6}
          variant="light"
          color={result.matchesLedger ? 'teal' : 'orange'}
          icon={result.matchesLedger ? <IconCircleCheck size={16} /> : <IconAlertTriangle size={16} />}
          data-testid="statement-verify-result"
        >
          <Stack gap={2}>
            <Anchor size="sm" onClick={() => onOpen(s.id)}>
              {t('statements.verify.found', {
                no: s.statementNo,
                customer: s.customer.name,
                from: s.periodFrom,
                to: s.periodTo,
                amount: formatFen(s.closingFen),
                status: t(statusKey(s.status)),
              })}
            </Anchor>
            <Text size="xs">{result.matchesLedger ? t('statements.detail.matches') : t('statements.detail.changed')}</Text>
          </Stack>
        </Alert>
      )}
    </Stack>
  );
}
