/** The customer's profile as a boss reads it: labelled values in columns, money formatted, nothing editable. */
import { Badge, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CustomerDetail } from '../../../../shared/api/customers';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { useCustomerLabels } from './labels';
import { dateTimeOf } from '../../components/dateText';

function Item({ label, children, span }: { label: string; children: ReactNode; span?: number }) {
  return (
    <Stack gap={0} style={span ? { gridColumn: `span ${span}` } : undefined}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div" style={{ minHeight: 21, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </Stack>
  );
}

export function ProfileView({ customer: c }: { customer: CustomerDetail }) {
  const t = useT();
  const labels = useCustomerLabels();
  const dash = t('customers.card.empty');
  const or = (v: string) => v || dash;
  const primary = c.contacts.find((x) => x.isPrimary);

  return (
    <Paper withBorder p="md" data-testid="customer-profile">
      <SimpleGrid cols={4} spacing="lg" verticalSpacing="sm">
        <Item label={t('customers.field.code')}>
          <Text span ff="monospace" size="sm">
            {c.code}
          </Text>
        </Item>
        <Item label={t('customers.field.name')} span={2}>
          {c.name}
        </Item>
        <Item label={t('customers.field.shortName')}>{or(c.shortName)}</Item>

        <Item label={t('customers.field.kind')}>{or(labels.kind(c.kind))}</Item>
        <Item label={t('customers.field.grade')}>{or(c.grade ?? '')}</Item>
        <Item label={t('evaluation.form.layer')}>{or(c.layer ? t(`evaluation.layer.${c.layer}`) : '')}</Item>
        <Item label={t('evaluation.form.visitInterval')}>{or(c.visitIntervalDays === null ? '' : String(c.visitIntervalDays))}</Item>
        <Item label={t('customers.field.region')}>{or(c.region)}</Item>
        <Item label={t('customers.field.salesperson')}>{or(c.salesperson)}</Item>

        <Item label={t('customers.field.address')} span={2}>
          {or(c.address)}
        </Item>
        <Item label={t('customers.card.primary')}>
          {primary ? `${primary.name} ${primary.mobile || primary.phone}`.trim() : dash}
        </Item>

        <Item label={t('customers.field.taxId')}>
          <Text span ff="monospace" size="sm">
            {or(c.taxId)}
          </Text>
        </Item>
        <Item label={t('customers.field.bankName')}>{or(c.bankName)}</Item>
        <Item label={t('customers.field.bankAccount')} span={2}>
          <Text span size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
            {or(c.bankAccount)}
          </Text>
        </Item>

        <Item label={t('customers.field.creditLimit')}>
          {c.creditLimitFen === null ? t('customers.card.noLimit') : <Money fen={c.creditLimitFen} />}
        </Item>
        <Item label={t('customers.field.paymentTermDays')}>
          {c.paymentTermDays === null
            ? t('customers.card.termDefault', { days: c.effectivePaymentTermDays })
            : t('customers.card.termDays', { days: c.paymentTermDays })}
        </Item>
        <Item label={t('customers.field.tags')} span={2}>
          {c.tags.length ? (
            <Group gap={4}>
              {c.tags.map((tag) => (
                <Badge tt="none" key={tag} size="sm" variant="light" color="gray">
                  {tag}
                </Badge>
              ))}
            </Group>
          ) : (
            dash
          )}
        </Item>

        <Item label={t('customers.field.notes')} span={4}>
          {or(c.notes)}
        </Item>

        <Item label={t('customers.card.created')}>{dateTimeOf(c.createdAt)}</Item>
        <Item label={t('customers.card.updated')}>{dateTimeOf(c.updatedAt)}</Item>
      </SimpleGrid>
    </Paper>
  );
}
