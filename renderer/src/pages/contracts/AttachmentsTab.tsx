/**
 * The 附件 tab: signed copies (扫描件) of the contract. Upload PDF/JPG/PNG up
 * to 20 MB (a wrong type or size is refused here with the file's name, and
 * again by the service, which checks the content); list with name, size,
 * date and who; view an image in place, save any file (a PDF opens from
 * the saved file: the window never opens a second page); remove with a reason. A
 * removed copy stays listed (and openable) with who removed it and why:
 * evidence is never silently deleted.
 */
import { Alert, Button, Checkbox, FileButton, Group, Stack, Text } from '@mantine/core';
import { IconDownload, IconEye, IconFileTypePdf, IconPaperclip, IconPhoto, IconTrash, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import type { ContractAttachment, ContractDetail } from '../../../../shared/api/contracts';
import { MAX_ATTACHMENT_BYTES } from '../../../../shared/api/contractEnums';
import { apiClient } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { DataTable, type DataColumn } from '../../components/DataTable';
import { downloadFile, fileToBase64 } from '../../components/downloadFile';
import { EmptyState } from '../../components/EmptyState';
import { notifyError, notifySuccess } from '../../components/notify';
import { ReasonDialog } from '../../components/ReasonDialog';
import { useT } from '../../i18n/I18nProvider';
import { ImagePreview } from './ImagePreview';
import { dateOf, dateTimeOf } from '../../components/dateText';

const ACCEPT = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';
const ALLOWED_EXT = /\.(pdf|jpe?g|png)$/i;
const ALLOWED_MIME = ['application/pdf', 'image/jpeg', 'image/png'];

export const fileSizeText = (bytes: number): string =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function AttachmentsTab({ contract: c }: { contract: ContractDetail }) {
  const t = useT();
  const add = useApiMutation('contracts.addAttachment');
  const remove = useApiMutation('contracts.removeAttachment');
  const resetRef = useRef<() => void>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [showRemoved, setShowRemoved] = useState(false);
  const [removing, setRemoving] = useState<ContractAttachment | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ name: string; url: string } | null>(null);

  const removedCount = c.attachments.filter((a) => a.removedAt !== null).length;
  const rows = showRemoved ? c.attachments : c.attachments.filter((a) => a.removedAt === null);

  /** Checked here so a wrong file is refused at once, by name; the service checks the content again. */
  const problemOf = (f: File): string | null => {
    if (!ALLOWED_MIME.includes(f.type) && !ALLOWED_EXT.test(f.name)) return t('contracts.attachments.wrongType', { name: f.name });
    if (f.size > MAX_ATTACHMENT_BYTES) return t('contracts.attachments.tooLarge', { name: f.name, size: fileSizeText(f.size) });
    if (f.size === 0) return t('contracts.attachments.emptyFile', { name: f.name });
    return null;
  };

  const upload = async (files: File[]) => {
    resetRef.current?.();
    const found: string[] = [];
    for (const f of files) {
      const problem = problemOf(f);
      if (problem) {
        found.push(problem);
        continue;
      }
      try {
        const added = await add.mutateAsync({ contractId: c.id, fileName: f.name, dataBase64: await fileToBase64(f) });
        notifySuccess(
          added.sameContentAs
            ? t('contracts.attachments.addedTwin', { name: added.fileName, twin: added.sameContentAs })
            : t('contracts.attachments.added', { name: added.fileName }),
        );
      } catch (e) {
        found.push(e instanceof Error ? e.message : String(e));
      }
    }
    setProblems(found);
  };

  const fetchFile = (a: ContractAttachment) => apiClient().call('contracts.getAttachment', { attachmentId: a.id });

  const save = async (a: ContractAttachment) => {
    try {
      const file = await fetchFile(a);
      downloadFile(file.fileName, file.dataBase64, file.mime);
    } catch (e) {
      notifyError(t('contracts.attachments.openFailed'), e);
    }
  };

  const view = async (a: ContractAttachment) => {
    try {
      const file = await fetchFile(a);
      setPreview({ name: file.fileName, url: `data:${file.mime};base64,${file.dataBase64}` });
    } catch (e) {
      notifyError(t('contracts.attachments.openFailed'), e);
    }
  };

  const confirmRemove = async (reason: string) => {
    if (!removing) return;
    setRemoveError(null);
    try {
      await remove.mutateAsync({ attachmentId: removing.id, reason });
      notifySuccess(t('contracts.attachments.removed', { name: removing.fileName }));
      setRemoving(null);
    } catch (e) {
      setRemoveError(e instanceof Error ? e.message : String(e));
    }
  };

  const columns: DataColumn<ContractAttachment>[] = [
    {
      key: 'fileName',
      header: t('contracts.attachments.name'),
      width: 'minmax(240px, 3fr)',
      cell: (a) => (
        <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
          {a.mime === 'application/pdf' ? <IconFileTypePdf size={16} color="var(--mantine-color-red-7)" /> : <IconPhoto size={16} color="var(--mantine-color-indigo-6)" />}
          <Text span size="sm" truncate td={a.removedAt ? 'line-through' : undefined}>
            {a.fileName}
          </Text>
        </Group>
      ),
    },
    { key: 'size', header: t('contracts.attachments.size'), width: 90, align: 'right', cell: (a) => fileSizeText(a.size) },
    { key: 'addedAt', header: t('contracts.attachments.addedAt'), width: 140, cell: (a) => dateTimeOf(a.addedAt) },
    { key: 'addedBy', header: t('contracts.attachments.addedBy'), width: 90, cell: (a) => a.addedBy },
    {
      key: 'removed',
      header: t('contracts.attachments.state'),
      width: 'minmax(140px, 2fr)',
      cell: (a) =>
        a.removedAt ? (
          <Text span size="xs" c="dimmed" truncate title={a.removedReason ?? ''}>
            {t('contracts.attachments.removedNote', { date: dateOf(a.removedAt), user: a.removedBy ?? '', reason: a.removedReason ?? '' })}
          </Text>
        ) : (
          ''
        ),
    },
    {
      key: 'actions',
      header: '',
      width: 230,
      align: 'right',
      cell: (a) => (
        <Group gap={4} justify="flex-end" wrap="nowrap">
          {a.mime !== 'application/pdf' && (
            <Button size="compact-xs" variant="subtle" leftSection={<IconEye size={13} />} onClick={() => void view(a)}>
              {t('contracts.attachments.view')}
            </Button>
          )}
          <Button size="compact-xs" variant="subtle" leftSection={<IconDownload size={13} />} onClick={() => void save(a)}>
            {t('contracts.attachments.download')}
          </Button>
          {!a.removedAt && (
            <Button
              size="compact-xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={13} />}
              onClick={() => {
                setRemoveError(null);
                setRemoving(a);
              }}
            >
              {t('contracts.attachments.remove')}
            </Button>
          )}
        </Group>
      ),
    },
  ];

  const uploadButton = (
    <FileButton resetRef={resetRef} onChange={(files) => void upload(files)} accept={ACCEPT} multiple>
      {(props) => (
        <Button {...props} leftSection={<IconUpload size={16} />} loading={add.isPending} data-testid="attachment-upload">
          {t('contracts.attachments.upload')}
        </Button>
      )}
    </FileButton>
  );

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="sm">
          {uploadButton}
          <Text size="xs" c="dimmed">
            {t('contracts.attachments.rules')}
          </Text>
        </Group>
        {removedCount > 0 && (
          <Checkbox
            size="xs"
            label={t('contracts.attachments.showRemoved', { count: removedCount })}
            checked={showRemoved}
            onChange={(e) => setShowRemoved(e.currentTarget.checked)}
          />
        )}
      </Group>
      {problems.length > 0 && (
        <Alert color="red" variant="light" py={8} withCloseButton onClose={() => setProblems([])} data-testid="attachment-problems">
          <Stack gap={2}>
            {problems.map((p) => (
              <Text size="sm" key={p}>
                {p}
              </Text>
            ))}
          </Stack>
        </Alert>
      )}
      <DataTable
        rows={rows}
        columns={columns}
        rowKey={(a) => a.id}
        height="auto"
        maxHeight={480}
        rowStyle={(a) => (a.removedAt ? { color: 'var(--mantine-color-gray-6)' } : undefined)}
        empty={<EmptyState compact icon={IconPaperclip} title={t('contracts.attachments.empty')} description={t('contracts.attachments.emptyHint')} />}
        data-testid="attachments-table"
      />
      <ReasonDialog
        opened={removing !== null}
        title={t('contracts.attachments.removeTitle')}
        consequence={t('contracts.attachments.removeConsequence', { name: removing?.fileName ?? '' })}
        confirmLabel={t('contracts.attachments.remove')}
        loading={remove.isPending}
        error={removeError}
        onConfirm={(reason) => void confirmRemove(reason)}
        onClose={() => setRemoving(null)}
      />
      {preview && <ImagePreview name={preview.name} url={preview.url} onClose={() => setPreview(null)} />}
    </Stack>
  );
}
