/**
 * The customer card's 合同 tab: the customer's contracts (newest signed
 * first), each opening its page, with the count and summed amount, and a
 * new contract already addressed to this customer.
 */
import { Button, Group, Stack, Text } from '@mantine/core';
import { IconFileText, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { ContractFilter } from '../../../../shared/api/contracts';
import { useApiQuery } from '../../api/hooks';
import { usePagedList } from '../../api/usePagedList';
import { DataTable, type SortState } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { Money } from '../../components/Money';
import { useT } from '../../i18n/I18nProvider';
import { navigate } from '../../shell/router';
import { useContractColumns } from './contractColumns';
import { INITIAL_LIST_STATE, toContractFilter } from './contractListState';

export function CustomerContractsTab({ customerId, readOnly }: { customerId: string; readOnly: boolean }) {
  const t = useT();
  const [sort, setSort] = useState<SortState | null>(null);
  const filter = useMemo<ContractFilter>(() => toContractFilter({ ...INITIAL_LIST_STATE, customerId, sort }, ''), [customerId, sort]);
  const list = usePagedList('contracts.list', filter, 100);
  const totals = useApiQuery('contracts.totals', filter);
  const newContract = () => navigate(`/contracts/new?customer=${encodeURIComponent(customerId)}`);
  const columns = useContractColumns({
    withCustomer: false,
    footer: {
      count: (
        <Text size="sm" fw={600}>
          {t('contracts.list.footerCount', { count: totals.data?.count ?? 0 })}
        </Text>
      ),
      amount: <Money fen={totals.data?.amountFen ?? 0} strong />,
    },
  });

  return (
    <Stack gap="sm">
      {!readOnly && list.rows.length > 0 && (
        <Group justify="flex-end">
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={newContract} data-testid="customer-contract-new">
            {t('contracts.list.new')}
          </Button>
        </Group>
      )}
      <DataTable
        rows={list.rows}
        columns={columns}
        rowKey={(r) => r.id}
        height="auto"
        maxHeight="calc(100vh - 320px)"
        sort={sort}
        onSortChange={setSort}
        onRowClick={(r) => navigate(`/contracts/${r.id}`)}
        loading={list.loading}
        total={list.total}
        onLoadMore={list.loadMore}
        loadingMore={list.loadingMore}
        empty={
          <EmptyState
            compact
            icon={IconFileText}
            title={t('contracts.customerTab.empty')}
            description={t('contracts.customerTab.emptyHint')}
            actions={
              readOnly ? undefined : (
                <Button size="xs" leftSection={<IconPlus size={14} />} onClick={newContract}>
                  {t('contracts.list.new')}
                </Button>
              )
            }
          />
        }
        data-testid="customer-contracts"
      />
    </Stack>
  );
}
