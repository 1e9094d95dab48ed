/**
 * The pair of buttons every printable report shows (今日催收, 往来明细):
 * .xlsx to work with in Excel, PDF to print or send. Both call methods that
 * take the same input as the report's own query and answer an ExportFile.
 */
import { Button, Group } from '@mantine/core';
import { IconDownload, IconPrinter } from '@tabler/icons-react';
import type { Input, MethodName } from '../../../shared/api/contract';
import { useApiMutation } from '../api/hooks';
import { useT } from '../i18n/I18nProvider';
import { downloadFile, XLSX_MIME } from './downloadFile';
import { notifyError, notifySuccess } from './notify';

type ExportMethod = Extract<MethodName, 'collection.exportXlsx' | 'collection.exportPdf' | 'ledger.exportLedgerXlsx' | 'ledger.exportLedgerPdf'>;

export interface ReportExportButtonsProps<X extends ExportMethod, P extends ExportMethod> {
  xlsx: X;
  pdf: P;
  input: Input<X> & Input<P>;
  disabled?: boolean;
  /** data-testid prefix: `<prefix>-xlsx`, `<prefix>-pdf`. */
  testId: string;
}

export function ReportExportButtons<X extends ExportMethod, P extends ExportMethod>({ xlsx, pdf, input, disabled, testId }: ReportExportButtonsProps<X, P>) {
  const t = useT();
  const toXlsx = useApiMutation(xlsx);
  const toPdf = useApiMutation(pdf);
  const run = async (which: 'xlsx' | 'pdf') => {
    try {
      const f = which === 'xlsx' ? await toXlsx.mutateAsync(input) : await toPdf.mutateAsync(input);
      downloadFile(f.fileName, f.dataBase64, which === 'xlsx' ? XLSX_MIME : 'application/pdf');
      notifySuccess(t('ui.download.done', { name: f.fileName }));
    } catch (e) {
      notifyError(t(which === 'xlsx' ? 'ui.report.xlsx' : 'ui.report.pdf'), e);
    }
  };
  return (
    <Group gap="xs" wrap="nowrap">
      <Button variant="default" leftSection={<IconDownload size={16} />} loading={toXlsx.isPending} disabled={disabled} onClick={() => void run('xlsx')} data-testid={`${testId}-xlsx`}>
        {t('ui.report.xlsx')}
      </Button>
      <Button variant="default" leftSection={<IconPrinter size={16} />} loading={toPdf.isPending} disabled={disabled} onClick={() => void run('pdf')} data-testid={`${testId}-pdf`}>
        {t('ui.report.pdf')}
      </Button>
    </Group>
  );
}
