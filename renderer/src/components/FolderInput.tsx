/**
 * A folder the main process will write to, typed or picked (设置 → 备份's
 * second copy, 设置 → 同步's share; issue 11, point 5). The desktop app adds
 * 选择文件夹…, the main process's own folder dialog; the text stays editable
 * because offices name network shares as \\server\share. Nothing is saved or
 * granted here: the form's save sends the text, and the service checks it.
 */
import { Button, Group, TextInput } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { apiClient } from '../api/client';
import { useT } from '../i18n/I18nProvider';
import { isDesktop, typedFolderAfterDialog } from './outputTarget';
import { notifyError } from './notify';

export interface FolderInputProps {
  /** The main-process dialog for this field (its permission is that of the setting it fills). */
  dialog: 'backup.chooseFolder' | 'sync.chooseFolder';
  label: ReactNode;
  description?: ReactNode;
  placeholder?: string;
  value: string;
  onChange(value: string): void;
  error?: ReactNode;
  testId: string;
  /** Buttons after 选择文件夹… (the share's 测试). */
  children?: ReactNode;
}

export function FolderInput({ dialog, label, description, placeholder, value, onChange, error, testId, children }: FolderInputProps) {
  const t = useT();
  const [choosing, setChoosing] = useState(false);
  const choose = async () => {
    if (choosing) return; // the native dialog is open already
    setChoosing(true);
    try {
      const { path } = await apiClient().call(dialog, { current: value });
      onChange(typedFolderAfterDialog(value, path));
    } catch (e) {
      notifyError(t('ui.folderInput.chooseFailed'), e);
    } finally {
      setChoosing(false);
    }
  };
  return (
    <TextInput
      label={label}
      description={description}
      placeholder={placeholder}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
      data-testid={testId}
      // The buttons sit beside the input itself (below the label and description, above an error).
      inputContainer={(input) => (
        <Group gap="sm" wrap="nowrap" align="center">
          <div style={{ flex: 1 }}>{input}</div>
          {isDesktop() && (
            // No `loading`: it disables the button, which would drop the keyboard focus while the dialog is open.
            <Button variant="default" onClick={() => void choose()} aria-busy={choosing} data-testid={`${testId}-choose`}>
              {t('ui.folderInput.choose')}
            </Button>
          )}
          {children}
        </Group>
      )}
    />
  );
}
