/**
 * One statement from the register: its figures, status and dates, a warning
 * when the confirmation was later affected or the statement superseded, the
 * actions, the signed copy, and its history.
 */
import { Alert, Anchor, Badge, Divider, Drawer, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { StatementRecord } from '../../../../shared/api/statements';
import { useApiQuery } from '../../api/hooks';
import { apiClient } from '../../api/client';
import { downloadFile } from '../../components/downloadFile';
import { Money } from '../../components/Money';
import { notifyError } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { STATUS_COLORS, statusKey } from './labels';
import { StatementActions } from './StatementActions';
import { StatementHistory } from './StatementHistory';
import { dateTimeOf } from '../../components/dateText';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </Stack>
  );
}

export function StatementStatusBadge({ s }: { s: Pick<StatementRecord, 'status' | 'affectedAt'> }) {
  const t = useT();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge tt="none" variant="light" color={STATUS_COLORS[s.status]} data-testid="statement-status">
        {t(statusKey(s.status))}
      </Badge>
      {s.affectedAt && <IconAlertTriangle size={15} color="var(--mantine-color-orange-7)" aria-label={t('statements.field.affected')} />}
    </Group>
  );
}

function Body({ s }: { s: StatementRecord }) {
  const t = useT();
  const viewSignedCopy = async () => {
    try {
      const f = await apiClient().call('statements.getSignedCopy', { id: s.id });
      downloadFile(f.fileName, f.dataBase64, f.mime);
    } catch (e) {
      notifyError(t('statements.actions.viewSignedCopy'), e);
    }
  };
  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start">
        <Stack gap={2}>
          <Anchor size="sm" onClick={() => navigate(`/customers/${s.customer.id}?tab=statements`)}>
            {s.customer.code} {s.customer.name}
          </Anchor>
          <Text size="sm" c="dimmed">
            {t('statements.field.period')}：{s.periodFrom} — {s.periodTo}
          </Text>
        </Stack>
        <StatementStatusBadge s={s} />
      </Group>
      {s.supersededBy && (
        <Alert color="gray" variant="light" py={6}>
          {t('statements.list.superseded', { no: s.supersededBy.statementNo })}
        </Alert>
      )}
      {s.affectedAt && (
        <Alert color="orange" variant="light" py={6} icon={<IconAlertTriangle size={16} />} data-testid="statement-affected">
          {t('statements.list.affectedTip', { reason: s.affectedReason ?? '' })}
        </Alert>
      )}
      <StatementActions statement={s} />
      <SimpleGrid cols={3} spacing="sm" verticalSpacing="xs">
        <Field label={t('statements.field.opening')}>
          <Money fen={s.openingFen} />
        </Field>
        <Field label={t('statements.field.debit')}>
          <Money fen={s.debitTotalFen} />
        </Field>
        <Field label={t('statements.field.credit')}>
          <Money fen={s.creditTotalFen} />
        </Field>
        <Field label={t('statements.field.closing')}>
          <Money fen={s.closingFen} strong />
        </Field>
        <Field label={t('statements.field.code')}>
          <Text ff="monospace" size="sm" data-testid="statement-code">
            {s.verificationCode}
          </Text>
        </Field>
        <Field label={t('statements.field.pages')}>{t('statements.field.pagesLines', { pages: s.pages, lines: s.lineCount })}</Field>
        <Field label={t('statements.field.sentOn')}>{s.sentOn ?? '—'}</Field>
        <Field label={t('statements.field.confirmedOn')}>{s.confirmedOn ?? '—'}</Field>
        <Field label={t('statements.field.generatedAt')}>{`${dateTimeOf(s.generatedAt)} · ${s.generatedBy}`}</Field>
        {s.status === 'disputed' && (
          <>
            <Field label={t('statements.field.customerFigure')}>
              <Money fen={s.customerFigureFen} />
            </Field>
            <Field label={t('statements.field.difference')}>
              <Money fen={s.differenceFen} danger={s.differenceFen !== 0} />
            </Field>
            <Field label={t('statements.field.disputeNote')}>{s.disputeNote}</Field>
          </>
        )}
      </SimpleGrid>
      <Field label={t('statements.field.signedCopy')}>
        {s.signedCopy ? (
          <Anchor size="sm" onClick={() => void viewSignedCopy()}>
            {s.signedCopy.fileName}
          </Anchor>
        ) : (
          <Text size="sm" c="dimmed">
            {t('statements.detail.noSignedCopy')}
          </Text>
        )}
      </Field>
      <Divider label={t('statements.actions.history')} labelPosition="left" />
      <StatementHistory statementId={s.id} />
    </Stack>
  );
}

export function StatementDrawer({ id, onClose }: { id: string | null; onClose(): void }) {
  const t = useT();
  const statement = useApiQuery('statements.get', { id: id ?? '' }, { enabled: id !== null });
  const s = statement.data;
  return (
    <Drawer
      opened={id !== null}
      onClose={onClose}
      position="right"
      size={640}
      title={<Title order={4}>{s ? t('statements.detail.title', { no: s.statementNo }) : ''}</Title>}
      data-testid="statement-drawer"
    >
      {s && s.id === id ? <Body s={s} /> : <Loader size="sm" />}
    </Drawer>
  );
}
