/**
 * Importing a spreadsheet, for any import kind: pick the file → the service
 * checks every row without writing (imports.preview) → every problem is
 * listed by row and column → the clerk confirms → imports.commit (all or
 * nothing) → the result. A refused commit shows its report the same way.
 */
import { Alert, Badge, Button, Center, FileButton, Group, Loader, Modal, Stack, Stepper, Table, Text } from '@mantine/core';
import { IconAlertCircle, IconCircleCheck, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import {
  MAX_IMPORT_BYTES,
  type ImportCommitResult,
  type ImportKind,
  type ImportReport,
  type ImportSample,
  type ImportReportError,
  type ImportReportWarning,
} from '../../../shared/api/imports';
import { ApiError } from '../api/client';
import { useApiMutation } from '../api/hooks';
import { useT } from '../i18n/I18nProvider';
import { DataTable, type DataColumn } from './DataTable';
import { downloadFile, fileToBase64, XLSX_MIME } from './downloadFile';
import { notifyError } from './notify';

export interface ImportWizardProps {
  opened: boolean;
  onClose(): void;
  kind: ImportKind;
  /** What is imported, in the UI language ("客户"). */
  kindLabel: string;
  /** The accepted column headers, shown before a file is picked. */
  columns?: readonly string[];
  onImported?(result: ImportCommitResult): void;
}

type Step =
  | { name: 'pick' }
  | { name: 'checking'; fileName: string }
  | { name: 'report'; fileName: string; dataBase64: string; report: ImportReport; refused: boolean }
  | { name: 'importing'; fileName: string; report: ImportReport }
  | { name: 'done'; fileName: string; result: ImportCommitResult };

type Problem = (ImportReportError | ImportReportWarning) & { key: string };

const isReport = (v: unknown): v is ImportReport =>
  typeof v === 'object' && v !== null && Array.isArray((v as ImportReport).errors) && typeof (v as ImportReport).rows === 'number';

export function ImportWizard({ opened, onClose, kind, kindLabel, columns, onImported }: ImportWizardProps) {
  const t = useT();
  const preview = useApiMutation('imports.preview');
  const commit = useApiMutation('imports.commit');
  const template = useApiMutation('imports.template');
  const [step, setStep] = useState<Step>({ name: 'pick' });
  const [fileError, setFileError] = useState<string | null>(null);
  // A check still running when the clerk closes or picks another file is ignored when it returns.
  const attempt = useRef(0);
  const resetRef = useRef<() => void>(null);

  const close = () => {
    attempt.current++;
    setStep({ name: 'pick' });
    setFileError(null);
    onClose();
  };

  const pick = async (file: File | null) => {
    resetRef.current?.();
    if (!file) return;
    setFileError(null);
    if (file.size > MAX_IMPORT_BYTES) {
      setFileError(t('ui.import.tooLarge', { mb: Math.round(MAX_IMPORT_BYTES / 1024 / 1024) }));
      return;
    }
    const mine = ++attempt.current;
    setStep({ name: 'checking', fileName: file.name });
    try {
      const dataBase64 = await fileToBase64(file);
      const report = await preview.mutateAsync({ kind, fileName: file.name, dataBase64 });
      if (mine !== attempt.current) return;
      setStep({ name: 'report', fileName: file.name, dataBase64, report, refused: false });
    } catch (e) {
      if (mine !== attempt.current) return;
      setStep({ name: 'pick' });
      setFileError(e instanceof Error ? e.message : String(e));
    }
  };

  const confirm = async () => {
    if (step.name !== 'report') return;
    const { fileName, dataBase64, report } = step;
    setStep({ name: 'importing', fileName, report });
    try {
      const result = await commit.mutateAsync({ kind, fileName, dataBase64 });
      setStep({ name: 'done', fileName, result });
      onImported?.(result);
    } catch (e) {
      // Something changed since the preview (a code now taken): the refusal carries a fresh report.
      if (e instanceof ApiError && isReport(e.details)) {
        setStep({ name: 'report', fileName, dataBase64, report: e.details, refused: true });
      } else {
        setStep({ name: 'report', fileName, dataBase64, report, refused: false });
        notifyError(t('ui.import.failed'), e);
      }
    }
  };

  const downloadTemplate = async () => {
    try {
      const f = await template.mutateAsync({ kind });
      downloadFile(f.fileName, f.dataBase64, XLSX_MIME);
    } catch (e) {
      notifyError(t('ui.import.failed'), e);
    }
  };

  const active = step.name === 'pick' || step.name === 'checking' ? 0 : step.name === 'done' ? 3 : 1;

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t('ui.import.title', { kind: kindLabel })}
      size="xl"
      closeOnClickOutside={step.name !== 'importing'}
      data-testid="import-wizard"
    >
      <Stack gap="md">
        <Stepper active={active} size="xs" allowNextStepsSelect={false}>
          <Stepper.Step label={t('ui.import.step1')} />
          <Stepper.Step label={t('ui.import.step2')} />
          <Stepper.Step label={t('ui.import.step3')} />
        </Stepper>

        {step.name === 'pick' && (
          <Stack gap="sm">
            <Text size="sm">{t('ui.import.pickHint')}</Text>
            {columns && (
              <Text size="xs" c="dimmed">
                {t('ui.import.columns', { columns: columns.join('、') })}
              </Text>
            )}
            {fileError && (
              <Alert color="red" icon={<IconAlertCircle size={18} />} data-testid="import-file-error">
                {fileError}
              </Alert>
            )}
            <Group gap="xs">
              <FileButton onChange={(f) => void pick(f)} accept=".xlsx,.csv,.txt,.xls" resetRef={resetRef}>
                {(props) => (
                  <Button leftSection={<IconFileSpreadsheet size={16} />} {...props} data-testid="import-pick">
                    {t('ui.import.pick')}
                  </Button>
                )}
              </FileButton>
              <Button
                variant="subtle"
                leftSection={<IconDownload size={16} />}
                loading={template.isPending}
                onClick={() => void downloadTemplate()}
              >
                {t('ui.import.template')}
              </Button>
            </Group>
          </Stack>
        )}

        {(step.name === 'checking' || step.name === 'importing') && (
          <Center py="xl">
            <Stack align="center" gap="xs">
              <Loader size="md" />
              <Text size="sm">{step.name === 'checking' ? t('ui.import.checking') : t('ui.import.importing')}</Text>
              <Text size="xs" c="dimmed">
                {t('ui.import.file', { name: step.fileName })}
              </Text>
            </Stack>
          </Center>
        )}

        {step.name === 'report' && (
          <ReportView
            report={step.report}
            fileName={step.fileName}
            onBack={() => setStep({ name: 'pick' })}
            onConfirm={() => void confirm()}
          />
        )}

        {step.name === 'done' && (
          <Stack gap="sm">
            <Alert color="teal" icon={<IconCircleCheck size={18} />} data-testid="import-done">
              <Text size="sm" fw={600}>
                {t('ui.import.done', { imported: step.result.report.imported })}
              </Text>
              <Text size="sm">{t('ui.import.doneHint')}</Text>
            </Alert>
            {step.result.report.warnings.length > 0 && <ProblemTable problems={step.result.report.warnings} />}
            <Group justify="flex-end">
              <Button onClick={close}>{t('ui.import.close')}</Button>
            </Group>
          </Stack>
        )}
      </Stack>
    </Modal>
  );
}

function ReportView(props: { report: ImportReport; fileName: string; onBack(): void; onConfirm(): void }) {
  const { report, fileName, onBack, onConfirm } = props;
  const t = useT();
  const bad = report.errors.length > 0;
  return (
    <Stack gap="sm" data-testid="import-report">
      <Text size="xs" c="dimmed">
        {t('ui.import.file', { name: fileName })}
      </Text>
      {bad ? (
        <Alert color="red" icon={<IconAlertCircle size={18} />}>
          <Text size="sm">{t('ui.import.rowsBad', { rows: report.rows, errors: report.errors.length })}</Text>
          <Text size="sm" fw={600}>
            {t('ui.import.nothingWritten')}
          </Text>
        </Alert>
      ) : (
        <Alert color="teal" icon={<IconCircleCheck size={18} />}>
          {t('ui.import.rowsOk', { rows: report.rows })}
        </Alert>
      )}
      {!bad && report.sample && report.sample.rows.length > 0 && <SampleTable sample={report.sample} />}
      {bad && (
        <>
          <Group gap={6}>
            <Badge tt="none" color="red" variant="light">
              {t('ui.import.errors', { count: report.errors.length })}
            </Badge>
          </Group>
          <ProblemTable problems={report.errors} testId="import-errors" />
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <Group gap={6}>
            <Badge tt="none" color="orange" variant="light">
              {t('ui.import.warnings', { count: report.warnings.length })}
            </Badge>
          </Group>
          <ProblemTable problems={report.warnings} testId="import-warnings" />
        </>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('ui.import.back')}
        </Button>
        {!bad && (
          <Button onClick={onConfirm} data-testid="import-confirm" disabled={report.rows === 0}>
            {t('ui.import.confirm', { rows: report.rows })}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

/** The first rows as the importer read them (numbered codes, parsed amounts), so the clerk sees what will be stored. */
function SampleTable({ sample }: { sample: ImportSample }) {
  const t = useT();
  return (
    <Stack gap={4}>
      <Text size="xs" c="dimmed">
        {t('desk.importSample', { n: sample.rows.length })}
      </Text>
      <Table.ScrollContainer minWidth={600}>
        <Table withTableBorder striped fz="xs" data-testid="import-sample">
          <Table.Thead>
            <Table.Tr>
              {sample.columns.map((c) => (
                <Table.Th key={c}>{c}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sample.rows.map((r, i) => (
              <Table.Tr key={i}>
                {r.map((v, j) => (
                  <Table.Td key={j} style={{ whiteSpace: 'nowrap' }}>
                    {v}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

function ProblemTable({ problems, testId }: { problems: readonly (ImportReportError | ImportReportWarning)[]; testId?: string }) {
  const t = useT();
  const rows: Problem[] = problems.map((p, i) => ({ ...p, key: String(i) }));
  const columns: DataColumn<Problem>[] = [
    { key: 'row', header: t('ui.import.colRow'), width: 64, align: 'right', cell: (p) => (p.row ? String(p.row) : '—') },
    { key: 'column', header: t('ui.import.colColumn'), width: 130, cell: (p) => p.column ?? t('ui.import.wholeFile') },
    { key: 'message', header: t('ui.import.colMessage'), width: 'minmax(240px, 1fr)', cell: (p) => p.message },
  ];
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(p) => p.key}
      height="auto"
      maxHeight={340}
      rowHeight={30}
      wrap
      data-testid={testId}
    />
  );
}
