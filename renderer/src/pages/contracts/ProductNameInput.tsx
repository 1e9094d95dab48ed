/**
 * The 品名 cell of a contract line: free text, or a product from the
 * catalogue. Typing searches the catalogue on the server (code, name, spec,
 * pinyin initials); ↓ and Enter (or a click) take a product, which fills
 * the name, spec, unit and default price. Nothing is pre-selected, so Enter
 * on typed text keeps it as free text and moves on. While the line is linked
 * its product code shows in front; editing the name unlinks it, so a line
 * never claims a product its text no longer describes.
 */
import { Badge, Combobox, Group, Text, TextInput, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Product } from '../../../../shared/api/products';
import { useApiQuery } from '../../api/hooks';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';

export interface ProductNameInputProps {
  description: string;
  productCode: string;
  error?: string;
  disabled?: boolean;
  onText(text: string): void;
  onProduct(product: Product): void;
  'aria-label': string;
}

export function ProductNameInput({ description, productCode, error, disabled, onText, onProduct, ...rest }: ProductNameInputProps) {
  const t = useT();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search] = useDebouncedValue(description.trim(), 150);
  const results = useApiQuery(
    'products.list',
    { search, limit: 8, sort: { column: 'code', direction: 'asc' } },
    // Only while the clerk types a name that is not (yet) a chosen product.
    { enabled: combobox.dropdownOpened && search !== '' && productCode === '', placeholderData: (prev) => prev },
  );
  const products = productCode === '' && search !== '' ? (results.data?.rows ?? []) : [];

  const choose = (id: string) => {
    const p = products.find((r) => r.id === id);
    if (p) onProduct(p);
    combobox.closeDropdown();
  };

  return (
    <Combobox store={combobox} onOptionSubmit={choose} withinPortal position="bottom-start" width={460}>
      <Combobox.Target>
        <TextInput
          size="sm"
          aria-label={rest['aria-label']}
          placeholder={t('contracts.lines.namePlaceholder')}
          autoComplete="off"
          maxLength={200}
          disabled={disabled}
          value={description}
          error={error}
          leftSectionWidth={productCode ? Math.max(44, productCode.length * 8 + 16) : undefined}
          leftSection={
            productCode ? (
              <Badge size="xs" variant="light" color="indigo" tt="none" ff="monospace" title={t('contracts.lines.linked')}>
                {productCode}
              </Badge>
            ) : undefined
          }
          onChange={(e) => {
            onText(e.currentTarget.value);
            combobox.openDropdown();
          }}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          data-testid="line-name"
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={products.length === 0}>
        <Combobox.Options mah={300} style={{ overflowY: 'auto' }}>
          {products.map((p) => (
            <Combobox.Option value={p.id} key={p.id}>
              <Group gap="sm" wrap="nowrap">
                <Text size="sm" ff="monospace" w={64} opacity={0.7} style={{ flexShrink: 0 }}>
                  {p.code}
                </Text>
                <Text size="sm" truncate style={{ flex: 1 }}>
                  {p.name}
                </Text>
                <Text size="xs" opacity={0.7} truncate maw={130}>
                  {[p.spec, p.unit].filter(Boolean).join(' / ')}
                </Text>
                <Text size="xs" w={88} ta="right" style={{ flexShrink: 0 }}>
                  <Money fen={p.defaultPriceFen} />
                </Text>
              </Group>
            </Combobox.Option>
          ))}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}
