/**
 * The statement letterhead as it will print, following the company form as
 * it is typed: the service renders the statement's own letterhead from the
 * unsaved fields (statements.previewLetterhead) and the browser's PDF viewer
 * shows that short page. A new logo shows at once (the query reads the
 * stored files).
 */
import { Box, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useApiQuery } from '../../api/hooks';
import { useT } from '../../i18n/I18nProvider';
import { blobUrlOf } from '../statements/statementFiles';

export interface LetterheadFields {
  companyName: string;
  shortName: string;
  address: string;
  phone: string;
}

export function LetterheadPreview({ fields }: { fields: LetterheadFields }) {
  const t = useT();
  // A render per keystroke pause, not per keystroke.
  const [typed] = useDebouncedValue(fields, 300);
  const preview = useApiQuery('statements.previewLetterhead', typed, { placeholderData: (prev) => prev });
  const [url, setUrl] = useState<string | null>(null);
  // Equal input gives equal bytes: a refetch that changed nothing keeps the page (the viewer would redraw it).
  const bytes = preview.data?.dataBase64 ?? null;
  useEffect(() => {
    if (!preview.data) return;
    const created = blobUrlOf(preview.data);
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [bytes]);

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t('settings.letterheadPreview')}
      </Text>
      <Box style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4, overflow: 'hidden', background: 'white' }}>
        {url && (
          <iframe
            // The viewer's toolbar and side panel hidden, the page fitted to the width.
            src={`${url}#toolbar=0&navpanes=0&scrollbar=0&view=FitH`}
            title={t('settings.letterheadPreview')}
            tabIndex={-1}
            style={{ width: '100%', aspectRatio: '595 / 108', border: 0, display: 'block' }}
            data-testid="letterhead-preview"
          />
        )}
      </Box>
      <Text size="xs" c="dimmed">
        {t('settings.letterheadPreviewHint')}
      </Text>
    </Stack>
  );
}
