/** 例外事项 (issue 13 point 5): the month's risky acts, ticked as reviewed by the boss or the accountant; export. */
import { Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { exceptionsDefaultPeriod } from '../../../../shared/api/controls';
import { localDateOf } from '../../../../shared/dates/clock';
import { apiClient } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { downloadFile, XLSX_MIME } from '../../components/downloadFile';
import { Money } from '../../components/Money';
import { notifyError } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';
import { useMay } from './useAuth';
import { dateTimeOf } from '../../components/dateText';


export function ExceptionsPage() {
  const t = useT();
  const [period, setPeriod] = useState(() => exceptionsDefaultPeriod(localDateOf(new Date())));
  const report = useApiQuery('exceptions.report', period);
  const mayReview = useMay('exceptions.review');
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const rows = report.data ?? [];
  const unreviewed = new Set(rows.filter((r) => !r.reviewedAt).map((r) => r.auditId)).size;
  const review = async () => {
    try {
      await apiClient().call('exceptions.review', { auditIds: [...picked] });
      setPicked(new Set());
    } catch (e) {
      notifyError(t('auth.exceptions.review'), e);
    }
  };
  const exportXlsx = async () => {
    try {
      const f = await apiClient().call('exceptions.exportXlsx', period);
      downloadFile(f.fileName, f.dataBase64, XLSX_MIME);
    } catch (e) {
      notifyError(t('auth.exceptions.export'), e);
    }
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('auth.exceptions.title')}</Title>
        <Group gap="xs">
          {mayReview && (
            <Button size="xs" disabled={picked.size === 0} onClick={() => void review()} data-testid="exceptions-review">
              {t('auth.exceptions.review')}
            </Button>
          )}
          <Button size="xs" variant="default" onClick={() => void exportXlsx()}>
            {t('auth.exceptions.export')}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('auth.exceptions.intro')}
      </Text>
      <Group gap="xs" align="flex-end">
        <TextInput size="xs" w={130} label={t('auth.audit.from')} value={period.from} onChange={(e) => setPeriod({ ...period, from: e.currentTarget.value })} />
        <TextInput size="xs" w={130} label={t('auth.audit.to')} value={period.to} onChange={(e) => setPeriod({ ...period, to: e.currentTarget.value })} />
        <Text size="sm" c={unreviewed ? 'orange' : 'dimmed'} data-testid="exceptions-unreviewed">
          {t('auth.exceptions.unreviewed', { count: unreviewed })}
        </Text>
      </Group>
      <Paper withBorder>
        <Table striped fz="sm" data-testid="exceptions-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={36} />
              <Table.Th>{t('auth.audit.at')}</Table.Th>
              <Table.Th>{t('auth.audit.user')}</Table.Th>
              <Table.Th>{t('auth.audit.action')}</Table.Th>
              <Table.Th>{t('auth.exceptions.docNo')}</Table.Th>
              <Table.Th>{t('auth.exceptions.customer')}</Table.Th>
              <Table.Th ta="right">{t('auth.exceptions.amount')}</Table.Th>
              <Table.Th>{t('auth.exceptions.reason')}</Table.Th>
              <Table.Th>{t('auth.exceptions.approvedBy')}</Table.Th>
              <Table.Th>{t('auth.exceptions.reviewed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={`${r.auditId}:${r.action}`}>
                <Table.Td>
                  {!r.reviewedAt && mayReview && (
                    <Checkbox
                      size="xs"
                      checked={picked.has(r.auditId)}
                      onChange={(e) => {
                        const next = new Set(picked);
                        if (e.currentTarget.checked) next.add(r.auditId);
                        else next.delete(r.auditId);
                        setPicked(next);
                      }}
                    />
                  )}
                </Table.Td>
                <Table.Td>{dateTimeOf(r.at)}</Table.Td>
                <Table.Td>{r.user}</Table.Td>
                <Table.Td>{t(`auth.exceptions.action.${r.action as 'void'}`)}</Table.Td>
                <Table.Td>{r.docNo ?? ''}</Table.Td>
                <Table.Td>{r.customerCode ?? ''}</Table.Td>
                <Table.Td ta="right">{r.amountFen === null ? '' : <Money fen={r.amountFen} />}</Table.Td>
                <Table.Td>{r.reason ?? ''}</Table.Td>
                <Table.Td>{r.approvedBy ?? ''}</Table.Td>
                <Table.Td>{r.reviewedBy ?? ''}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {report.data && rows.length === 0 && (
          <Text c="dimmed" ta="center" p="lg">
            {t('auth.exceptions.empty')}
          </Text>
        )}
      </Paper>
    </Stack>
  );
}
