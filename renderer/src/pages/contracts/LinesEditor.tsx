/**
 * The lines (明细) of the contract form: one row per line with the product or
 * free-text name, spec, unit, quantity (up to three decimals) and unit price;
 * the amount beside them is computed as the service will store it (qty ×
 * price, half up, per line), and the total below is the contract amount.
 */
import { ActionIcon, Button, Group, Text, TextInput, Tooltip } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { CSSProperties } from 'react';
import { fenToDecimalString } from '../../../../shared/money/format';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { emptyLine, type ContractFormValues } from './contractFormModel';
import { contractAmountOf, lineAmountOf } from './contractMath';
import { ProductNameInput } from './ProductNameInput';

const GRID: CSSProperties = {
  display: 'grid',
  gridTemplateColumns: '28px minmax(220px, 1fr) 150px 72px 110px 130px 136px 32px',
  columnGap: 8,
  alignItems: 'start',
};
const NUMERIC = { input: { textAlign: 'right' as const, fontVariantNumeric: 'tabular-nums' } };
/** Read-only cells sit level with the inputs beside them (an input is 36px tall). */
const CELL: CSSProperties = { minHeight: 36, display: 'flex', alignItems: 'center' };

export function LinesEditor({ form, disabled }: { form: UseFormReturnType<ContractFormValues>; disabled: boolean }) {
  const t = useT();
  const values = form.getValues();
  const lines = values.lines;
  const total = contractAmountOf(values);
  const cell = (n: number, field: string) => t('contracts.lines.cellLabel', { n, field });

  return (
    <div data-testid="lines-editor">
      {lines.length === 0 && (
        <Text size="sm" c="dimmed" pb={4}>
          {t('contracts.lines.none')}
        </Text>
      )}
      <div style={{ ...GRID, paddingBottom: 4, display: lines.length ? 'grid' : 'none' }}>
        {(['#', 'name', 'spec', 'unit', 'qty', 'unitPrice', 'amount'] as const).map((h) => (
          <Text key={h} size="xs" c="dimmed" fw={600} ta={h === 'qty' || h === 'unitPrice' || h === 'amount' ? 'right' : undefined}>
            {h === '#' ? '#' : t(`contracts.lines.${h}`)}
          </Text>
        ))}
      </div>
      {lines.map((line, i) => {
        const n = i + 1;
        const amount = lineAmountOf(line);
        return (
          <div key={line.key} style={{ ...GRID, paddingBottom: 6 }} data-testid={`line-${n}`}>
            <Text size="sm" c="dimmed" style={CELL}>
              {n}
            </Text>
            <ProductNameInput
              aria-label={cell(n, t('contracts.lines.name'))}
              description={line.description}
              productCode={line.productCode}
              disabled={disabled}
              error={(form.errors[`lines.${i}.description`] ?? form.errors[`lines.${i}.productId`]) as string | undefined}
              onText={(text) => {
                form.setFieldValue(`lines.${i}.description`, text);
                if (line.productId) {
                  form.setFieldValue(`lines.${i}.productId`, null);
                  form.setFieldValue(`lines.${i}.productCode`, '');
                }
              }}
              onProduct={(p) => {
                form.setFieldValue(`lines.${i}`, {
                  ...line,
                  productId: p.id,
                  productCode: p.code,
                  description: p.name,
                  spec: p.spec,
                  unit: p.unit,
                  // A price already typed from the paper contract wins over the list price.
                  unitPrice: line.unitPrice.trim() === '' && p.defaultPriceFen !== null ? fenToDecimalString(p.defaultPriceFen) : line.unitPrice,
                });
                form.clearFieldError(`lines.${i}.description`);
              }}
            />
            <TextInput aria-label={cell(n, t('contracts.lines.spec'))} maxLength={100} disabled={disabled} {...form.getInputProps(`lines.${i}.spec`)} />
            <TextInput aria-label={cell(n, t('contracts.lines.unit'))} maxLength={10} disabled={disabled} {...form.getInputProps(`lines.${i}.unit`)} />
            <TextInput
              aria-label={cell(n, t('contracts.lines.qty'))}
              inputMode="decimal"
              autoComplete="off"
              styles={NUMERIC}
              disabled={disabled}
              {...form.getInputProps(`lines.${i}.qty`)}
            />
            <TextInput
              aria-label={cell(n, t('contracts.lines.unitPrice'))}
              inputMode="decimal"
              autoComplete="off"
              styles={NUMERIC}
              disabled={disabled}
              {...form.getInputProps(`lines.${i}.unitPrice`)}
            />
            <Text size="sm" style={{ ...CELL, justifyContent: 'flex-end' }} data-testid={`line-${n}-amount`}>
              {amount === null ? (
                <Text span size="sm" c="dimmed">
                  —
                </Text>
              ) : (
                <Money fen={amount} />
              )}
            </Text>
            <div style={CELL}>
              {!disabled && (
                <Tooltip label={t('contracts.lines.remove')} withArrow openDelay={400}>
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    tabIndex={-1}
                    aria-label={t('contracts.lines.removeN', { n })}
                    onClick={() => form.removeListItem('lines', i)}
                  >
                    <IconTrash size={15} />
                  </ActionIcon>
                </Tooltip>
              )}
            </div>
          </div>
        );
      })}
      {form.errors.lines && (
        <Text size="xs" c="red" pb={4}>
          {form.errors.lines}
        </Text>
      )}
      <Group justify="space-between" mt={2} wrap="nowrap">
        {disabled ? (
          <span />
        ) : (
          <Button
            size="xs"
            variant="subtle"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('lines', emptyLine())}
            data-testid="line-add"
          >
            {t('contracts.lines.add')}
          </Button>
        )}
        {lines.length > 0 && (
          <Group gap="md" pr={40} data-testid="lines-total">
            <Text size="sm" c="dimmed">
              {t('contracts.lines.total', { count: lines.length })}
            </Text>
            {total === null ? (
              <Text size="sm" c="dimmed">
                {t('contracts.lines.totalPending')}
              </Text>
            ) : (
              <Money fen={total} strong />
            )}
          </Group>
        )}
      </Group>
    </div>
  );
}
