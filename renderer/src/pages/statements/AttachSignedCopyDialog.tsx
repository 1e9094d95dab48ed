/** Upload of the signed and stamped copy that came back (scan or photo), checked by content on the server. */
import { Alert, Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { IconUpload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { StatementRecord } from '../../../../shared/api/statements';
import { useApiMutation } from '../../api/hooks';
import { fileToBase64 } from '../../components/downloadFile';
import { notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';

export function AttachSignedCopyDialog({ statement, onClose }: { statement: StatementRecord | null; onClose(): void }) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState<string | null>(null);
  const attach = useApiMutation('statements.attachSignedCopy');

  useEffect(() => {
    setFile(null);
    setError(null);
  }, [statement?.id]);

  if (!statement) return null;
  const submit = async () => {
    if (!file) return;
    setError(null);
    try {
      await attach.mutateAsync({ id: statement.id, fileName: file.name, dataBase64: await fileToBase64(file) });
      notifySuccess(t('statements.actions.attached'));
      onClose();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal opened onClose={onClose} title={`${t('statements.attach.title')} · ${statement.statementNo}`} centered data-testid="statement-attach-dialog">
      <Stack gap="sm">
        <Alert variant="light" color="indigo">
          {t('statements.attach.body')}
        </Alert>
        {statement.signedCopy && (
          <Text size="sm" c="dimmed">
            {t('statements.attach.replaceNote', { name: statement.signedCopy.fileName })}
          </Text>
        )}
        <FileInput
          label={t('statements.field.signedCopy')}
          placeholder={t('statements.attach.choose')}
          accept="application/pdf,image/jpeg,image/png"
          value={file}
          onChange={setFile}
          leftSection={<IconUpload size={15} />}
          error={error}
          data-testid="statement-attach-file"
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!file} loading={attach.isPending} onClick={() => void submit()} data-testid="statement-attach-submit">
            {t('statements.actions.attach')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
