/**
 * The statement as it will print, inside the app: the stored PDF in the
 * browser's own PDF viewer (an iframe of a blob URL, so nothing is written
 * anywhere and the bytes are exactly the register's).
 */
import { Center, Loader, Modal, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n/I18nProvider';
import { blobUrlOf, fetchStatementPdf } from './statementFiles';

export interface PdfPreviewModalProps {
  statement: { id: string; statementNo: string } | null;
  onClose(): void;
}

export function PdfPreviewModal({ statement, onClose }: PdfPreviewModalProps) {
  const t = useT();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = statement?.id ?? null;

  useEffect(() => {
    if (id === null) return;
    let cancelled = false;
    let created: string | null = null;
    setUrl(null);
    setError(null);
    fetchStatementPdf(id).then(
      (file) => {
        if (cancelled) return;
        created = blobUrlOf(file);
        setUrl(created);
      },
      (e: unknown) => !cancelled && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      cancelled = true;
      if (created) URL.revokeObjectURL(created);
    };
  }, [id]);

  return (
    <Modal
      opened={statement !== null}
      onClose={onClose}
      title={statement ? t('statements.detail.previewTitle', { no: statement.statementNo }) : ''}
      size="min(1000px, 95vw)"
      centered
      // Escape would also close the statement drawer under the preview; the close button closes only this.
      closeOnEscape={false}
      closeButtonProps={{ 'aria-label': t('statements.batch.close'), 'data-testid': 'statement-preview-close' } as Record<string, string>}
      data-testid="statement-preview"
    >
      {error ? (
        <Text c="red" size="sm">
          {error}
        </Text>
      ) : url ? (
        <iframe
          src={url}
          title={statement?.statementNo ?? ''}
          style={{ width: '100%', height: '78vh', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
          data-testid="statement-preview-frame"
        >
          {t('statements.detail.previewFallback')}
        </iframe>
      ) : (
        <Center h={300}>
          <Loader size="sm" />
        </Center>
      )}
    </Modal>
  );
}
