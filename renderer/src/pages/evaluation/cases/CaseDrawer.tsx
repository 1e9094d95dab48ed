/**
 * One after-sales case: its facts, the next statuses it may move to (with
 * the resolution and the customer's feedback), the linked credit note and
 * its timeline.
 */
import { Alert, Badge, Button, Drawer, Group, Stack, Text, TextInput, Textarea, Timeline } from '@mantine/core';
import { KeySelect } from '../../../components/KeySelect';
import { useState } from 'react';
import { CASE_TRANSITIONS } from '../../../../../shared/evaluation/enums';
import { formatFen } from '../../../../../shared/money/format';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { notifySuccess } from '../../../components/notify';
import { useT } from '../../../i18n/I18nProvider';
import { CASE_STATUS_COLORS } from './caseColors';

export function CaseDrawer({ caseId, onClose }: { caseId: string | null; onClose(): void }) {
  const t = useT();
  const q = useApiQuery('cases.get', { id: caseId ?? '' }, { enabled: caseId !== null });
  const c = q.data;
  const credits = useApiQuery('ledger.documents', { customerId: c?.customerId ?? '', kinds: ['credit_note'], includeVoided: false, limit: 200 }, { enabled: Boolean(c) });
  const setStatus = useApiMutation('cases.setStatus');
  const link = useApiMutation('cases.linkCreditNote');
  const addNote = useApiMutation('cases.addNote');
  const [resolution, setResolution] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (p: Promise<unknown>) => {
    setError(null);
    try {
      await p;
      notifySuccess(t('evaluation.cases.saved'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Drawer opened={caseId !== null} onClose={onClose} position="right" size="lg" title={c ? `${c.caseNo} · ${c.customerName}` : ''}>
      {c && (
        <Stack gap="sm" data-testid="case-drawer">
          <Group gap="xs">
            <Badge tt="none" color={CASE_STATUS_COLORS[c.status]}>
              {t(`evaluation.cases.statusLabel.${c.status}`)}
            </Badge>
            <Badge tt="none" variant="light" color="gray">
              {t(`evaluation.cases.typeLabel.${c.type}`)}
            </Badge>
            {c.overdue && (
              <Badge tt="none" color="red">
                {t('evaluation.cases.overdue')}
              </Badge>
            )}
          </Group>
          <Text size="sm">{c.description}</Text>
          <Text size="sm" c="dimmed">
            {t('evaluation.cases.receivedOn')} {c.receivedOn} · {t('evaluation.cases.promisedOn')} {c.promisedOn} · {t('evaluation.cases.owner')} {c.owner || '—'}
          </Text>
          <Textarea
            label={t('evaluation.cases.resolution')}
            value={resolution ?? c.resolution}
            onChange={(e) => setResolution(e.currentTarget.value)}
            autosize
            minRows={2}
            disabled={c.status === 'closed'}
          />
          <TextInput label={t('evaluation.cases.feedback')} value={feedback ?? c.feedback} onChange={(e) => setFeedback(e.currentTarget.value)} disabled={c.status === 'closed'} />
          <Group gap="xs">
            {CASE_TRANSITIONS[c.status].map((s) => (
              <Button
                key={s}
                size="xs"
                variant={s === 'closed' ? 'default' : 'light'}
                color={CASE_STATUS_COLORS[s]}
                data-testid={`case-to-${s}`}
                loading={setStatus.isPending}
                onClick={() => void run(setStatus.mutateAsync({ id: c.id, status: s, resolution: resolution ?? c.resolution, feedback: feedback ?? c.feedback }))}
              >
                {t('evaluation.cases.moveTo', { status: t(`evaluation.cases.statusLabel.${s}`) })}
              </Button>
            ))}
          </Group>
          <KeySelect
            label={t('evaluation.cases.creditNote')}
            placeholder={t('evaluation.cases.noCreditNote')}
            data={(credits.data?.rows ?? []).map((d) => ({ value: d.id, label: `${d.docNo} · ${d.date} · ${formatFen(d.amountFen)}` }))}
            value={c.creditNoteId}
            onChange={(v) => void run(link.mutateAsync({ id: c.id, creditNoteId: v }))}
            clearable
            disabled={c.status === 'closed'}
          />
          {error && <Alert color="red">{error}</Alert>}
          <Group gap="xs" align="flex-end">
            <TextInput style={{ flex: 1 }} label={t('evaluation.cases.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
            <Button
              variant="default"
              disabled={note.trim() === ''}
              onClick={() =>
                void run(addNote.mutateAsync({ id: c.id, note })).then(() => setNote(''))
              }
            >
              {t('evaluation.cases.addNote')}
            </Button>
          </Group>
          <Text fw={600} size="sm">
            {t('evaluation.cases.timeline')}
          </Text>
          <Timeline bulletSize={14} lineWidth={2}>
            {c.events.map((e) => (
              <Timeline.Item key={e.id} title={`${e.onDate} · ${t(`evaluation.cases.event.${e.action}`)}${e.toStatus ? ` → ${t(`evaluation.cases.statusLabel.${e.toStatus}`)}` : ''}`}>
                <Text size="xs" c="dimmed">
                  {e.user} {e.note}
                </Text>
              </Timeline.Item>
            ))}
          </Timeline>
        </Stack>
      )}
    </Drawer>
  );
}
