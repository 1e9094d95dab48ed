/**
 * Everything that can be done with one statement, as a row of buttons:
 * preview, save as, print, open (desktop only), and the status actions that
 * fit its status. Dialogs and the preview are owned here so every screen that
 * shows a statement offers the same actions.
 */
import { Button, Group } from '@mantine/core';
import { IconCheck, IconDownload, IconEye, IconExternalLink, IconMessageReport, IconPaperclip, IconPrinter, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import type { StatementRecord } from '../../../../shared/api/statements';
import { notifyError, notifySuccess } from '../../components/notify';
import { useT } from '../../i18n/I18nProvider';
import { AttachSignedCopyDialog } from './AttachSignedCopyDialog';
import { PdfPreviewModal } from './PdfPreviewModal';
import { isDesktop } from '../../components/outputTarget';
import { openStatementInViewer, printStatement, saveStatementPdf } from './statementFiles';
import { StatusDialog, type StatusDialogKind } from './StatusDialogs';

export function StatementActions({ statement }: { statement: StatementRecord }) {
  const t = useT();
  const [dialog, setDialog] = useState<StatusDialogKind | null>(null);
  const [attaching, setAttaching] = useState(false);
  const [previewing, setPreviewing] = useState(false);
  const [busy, setBusy] = useState<'save' | 'print' | 'open' | null>(null);
  const { status } = statement;
  const current = statement.supersededBy === null;

  const run = async (what: 'save' | 'print' | 'open') => {
    setBusy(what);
    try {
      if (what === 'save') {
        const saved = await saveStatementPdf(statement);
        // null: the desktop dialog was cancelled, nothing was written.
        if (saved !== null) notifySuccess(t('statements.actions.saved', { name: saved }));
      }
      else if (what === 'print') {
        const outcome = await printStatement(statement.id);
        notifySuccess(t(outcome === 'printed' ? 'statements.actions.printed' : 'statements.actions.printDownload'));
      } else await openStatementInViewer(statement.id);
    } catch (e) {
      notifyError(t(what === 'save' ? 'statements.actions.saveAs' : what === 'print' ? 'statements.actions.print' : 'statements.actions.open'), e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Group gap={6} wrap="wrap">
        <Button size="xs" variant="light" leftSection={<IconEye size={15} />} onClick={() => setPreviewing(true)} data-testid="statement-preview-button">
          {t('statements.actions.preview')}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconDownload size={15} />} loading={busy === 'save'} onClick={() => void run('save')} data-testid="statement-save">
          {t(isDesktop() ? 'statements.actions.saveAsDialog' : 'statements.actions.saveAs')}
        </Button>
        <Button size="xs" variant="default" leftSection={<IconPrinter size={15} />} loading={busy === 'print'} onClick={() => void run('print')} data-testid="statement-print">
          {t('statements.actions.print')}
        </Button>
        {isDesktop() && (
          <Button size="xs" variant="default" leftSection={<IconExternalLink size={15} />} loading={busy === 'open'} onClick={() => void run('open')}>
            {t('statements.actions.open')}
          </Button>
        )}
        {status === 'generated' && current && (
          <Button size="xs" variant="light" color="blue" leftSection={<IconSend size={15} />} onClick={() => setDialog('sent')} data-testid="statement-mark-sent">
            {t('statements.actions.markSent')}
          </Button>
        )}
        {status !== 'confirmed' && (
          <Button size="xs" variant="light" color="teal" leftSection={<IconCheck size={15} />} onClick={() => setDialog('confirmed')} data-testid="statement-mark-confirmed">
            {t('statements.actions.markConfirmed')}
          </Button>
        )}
        {status !== 'confirmed' && (
          <Button size="xs" variant="subtle" color="orange" leftSection={<IconMessageReport size={15} />} onClick={() => setDialog('disputed')} data-testid="statement-mark-disputed">
            {t('statements.actions.markDisputed')}
          </Button>
        )}
        <Button size="xs" variant="subtle" leftSection={<IconPaperclip size={15} />} onClick={() => setAttaching(true)} data-testid="statement-attach">
          {t('statements.actions.attach')}
        </Button>
      </Group>
      <StatusDialog kind={dialog} statement={dialog ? statement : null} onClose={() => setDialog(null)} />
      <AttachSignedCopyDialog statement={attaching ? statement : null} onClose={() => setAttaching(false)} />
      <PdfPreviewModal statement={previewing ? statement : null} onClose={() => setPreviewing(false)} />
    </>
  );
}
