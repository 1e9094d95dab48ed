/**
 * The contract list's filter state as the page keeps it (JSON, remembered
 * for the session) and its translation into the API filter.
 */
import {
  CONTRACT_SORT_COLUMNS,
  type ContractDisplayStatus,
  type ContractFilter,
  type ContractKind,
  type ContractSortColumn,
} from '../../../../shared/api/contracts';
import type { SortState } from '../../components/DataTable';

export interface ContractListState {
  search: string;
  customerId: string | null;
  status: ContractDisplayStatus | null;
  kind: ContractKind | null;
  salesperson: string | null;
  signedFrom: string;
  signedTo: string;
  /** "Ends within N days" (active contracts ending today … today + N). */
  endsWithinDays: number | null;
  sort: SortState | null;
}

export const INITIAL_LIST_STATE: ContractListState = {
  search: '',
  customerId: null,
  status: null,
  kind: null,
  salesperson: null,
  signedFrom: '',
  signedTo: '',
  endsWithinDays: null,
  sort: null,
};

/** The quick choices for "ends within"; any other number can be typed. */
export const ENDS_WITHIN_CHOICES = [30, 60, 90] as const;

const isSortColumn = (k: string): k is ContractSortColumn => (CONTRACT_SORT_COLUMNS as readonly string[]).includes(k);

export function isFiltered(s: ContractListState): boolean {
  return Boolean(
    s.search || s.customerId || s.status || s.kind || s.salesperson || s.signedFrom || s.signedTo || s.endsWithinDays !== null,
  );
}

export function toContractFilter(s: ContractListState, search: string): ContractFilter {
  return {
    search,
    customerId: s.customerId,
    status: s.status ? [s.status] : [],
    kind: s.kind ? [s.kind] : [],
    salesperson: s.salesperson ?? '',
    signedFrom: s.signedFrom || null,
    signedTo: s.signedTo || null,
    endsWithinDays: s.endsWithinDays,
    // Ending soon reads best soonest first; otherwise the newest signed on top.
    sort:
      s.sort && isSortColumn(s.sort.key)
        ? { column: s.sort.key, direction: s.sort.dir }
        : s.endsWithinDays !== null
          ? { column: 'endsOn', direction: 'asc' }
          : { column: 'signedOn', direction: 'desc' },
  };
}
