/**
 * The 历史 tab: the contract's audit log, newest first — created, edited
 * (lines and schedule shown line by line, before → after), activated (with
 * a credit-limit override and its reason), reopened with its reason,
 * completed, terminated, attachments added and removed.
 */
import { Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { HistoryEntryDto } from '../../../../shared/api/history';
import { CONTRACT_DISPLAY_STATUSES, CONTRACT_KINDS, type ContractDisplayStatus, type ContractKind } from '../../../../shared/api/contractEnums';
import { formatFen } from '../../../../shared/money/format';
import { formatThousandths } from '../../../../shared/money/quantity';
import { useApiQuery } from '../../api/hooks';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { fileSizeText } from './AttachmentsTab';
import { useContractLabels } from './labels';

const isKind = (v: unknown): v is ContractKind => (CONTRACT_KINDS as readonly unknown[]).includes(v);
const isStatus = (v: unknown): v is ContractDisplayStatus => (CONTRACT_DISPLAY_STATUSES as readonly unknown[]).includes(v);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** One snapshot line as a clerk would read it off the contract: 饮用天然水 550ml 10 箱 × ¥12.00 = ¥120.00. */
function lineText(l: Record<string, unknown>): string {
  const what = [str(l.productCode), str(l.description), str(l.spec)].filter(Boolean).join(' ');
  return `${num(l.seq)}. ${what}  ${formatThousandths(num(l.qtyThousandths))} ${str(l.unit)} × ${formatFen(num(l.unitPriceFen))} = ${formatFen(num(l.amountFen))}`;
}

function installmentText(i: Record<string, unknown>): string {
  return `${num(i.seq)}. ${str(i.label)}  ${str(i.dueOn)}  ${formatFen(num(i.amountFen))}`;
}

function listOf(items: unknown[], format: (r: Record<string, unknown>) => string): ReactNode {
  return (
    <Stack gap={0} component="span" display="inline-flex" style={{ verticalAlign: 'top' }}>
      {items.filter(isRecord).map((r, i) => (
        <Text key={i} span size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
          {format(r)}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * An activation over the credit limit records the override reason and the
 * figures as new fields of the snapshot. They are notes about the action, not
 * values that changed from something: shown as the entry's reason (which the
 * timeline prints as a note), not as "(空) → …".
 */
function withOverrideAsReason(entries: readonly HistoryEntryDto[], overText: (over: Record<string, unknown>) => string): HistoryEntryDto[] {
  return entries.map((e) => {
    const reason = e.changes.find((c) => c.field === 'overrideReason');
    if (!reason || e.changes.some((c) => c.field === 'reason')) return e;
    const figures = e.changes.find((c) => c.field === 'creditLimitOverride')?.after;
    const note = isRecord(figures) ? `${str(reason.after)}（${overText(figures)}）` : str(reason.after);
    return {
      ...e,
      changes: [
        ...e.changes.filter((c) => c.field !== 'overrideReason' && c.field !== 'creditLimitOverride'),
        { field: 'reason', before: null, after: note },
      ],
    };
  });
}

export function ContractHistoryTab({ contractId }: { contractId: string }) {
  const t = useT();
  const labels = useContractLabels();
  const history = useApiQuery('contracts.history', { id: contractId });
  const overText = (v: Record<string, unknown>) =>
    t('contracts.history.creditLimitOver', { over: formatFen(num(v.overByFen)), limit: formatFen(num(v.limitFen)) });
  const entries = history.data ? withOverrideAsReason(history.data, overText) : undefined;

  const fieldLabels: Record<string, string> = {
    contractNo: t('contracts.field.contractNo'),
    customerCode: t('contracts.field.customer'),
    title: t('contracts.field.title'),
    kind: t('contracts.field.kind'),
    status: t('contracts.field.status'),
    signedOn: t('contracts.field.signedOn'),
    startsOn: t('contracts.field.startsOn'),
    endsOn: t('contracts.field.endsOn'),
    amountFen: t('contracts.field.amount'),
    paymentTerms: t('contracts.field.paymentTerms'),
    rebateTerms: t('contracts.field.rebateTerms'),
    notes: t('contracts.field.notes'),
    lines: t('contracts.form.lines'),
    installments: t('contracts.form.installments'),
    attachment: t('contracts.page.attachments'),
    reason: t('ui.reason.label'),
  };

  const formatValue = (field: string, v: unknown): ReactNode | undefined => {
    if (field === 'amountFen' && typeof v === 'number') return <Money fen={v} />;
    if (field === 'kind' && isKind(v)) return labels.kind(v);
    if (field === 'status' && isStatus(v)) return labels.status(v);
    if (field === 'lines' && Array.isArray(v)) return listOf(v, lineText);
    if (field === 'installments' && Array.isArray(v)) return listOf(v, installmentText);
    if (field === 'attachment' && isRecord(v)) {
      const removed = v.removedAt ? ` · ${t('contracts.history.attachmentRemoved')}` : '';
      return `${str(v.fileName)} (${fileSizeText(num(v.size))})${removed}`;
    }
    return undefined;
  };

  const actionLabels: Record<string, string> = {
    activate: t('contracts.actions.activate'),
    complete: t('contracts.actions.complete'),
    terminate: t('contracts.actions.terminate'),
    reopen: t('contracts.actions.reopen'),
    attachment_add: t('contracts.history.attachmentAdd'),
    attachment_remove: t('contracts.history.attachmentRemove'),
  };

  return (
    <HistoryTimeline
      entries={entries}
      loading={history.isPending}
      fieldLabels={fieldLabels}
      formatValue={formatValue}
      actionLabels={actionLabels}
    />
  );
}
