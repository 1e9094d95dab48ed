/**
 * The aging page's own state (kept for the session, so coming back from a
 * customer finds the report as it was left) and its translation into the
 * report's filter.
 */
import type { AgingBasis, AgingFilter, AgingSortColumn } from '../../../../shared/api/aging';
import type { CustomerGrade, CustomerKind } from '../../../../shared/api/customerEnums';
import type { CustomerLayer } from '../../../../shared/evaluation/enums';
import type { SortState } from '../../components/DataTable';
import type { AgingLink } from './agingLinks';

export interface AgingState {
  /** '' = today. */
  asOf: string;
  basis: AgingBasis;
  grade: CustomerGrade[];
  layer: CustomerLayer[];
  kind: CustomerKind[];
  region: string | null;
  salesperson: string | null;
  search: string;
  overdueOnly: boolean;
  sort: SortState | null;
}

export const INITIAL_AGING_STATE: AgingState = {
  asOf: '',
  basis: 'due',
  grade: [],
  layer: [],
  kind: [],
  region: null,
  salesperson: null,
  search: '',
  overdueOnly: false,
  sort: null,
};

/** A link replaces the filters it names and clears the others, so the report shows what the figure counted. */
export function applyLink(state: AgingState, link: AgingLink): AgingState {
  return {
    ...INITIAL_AGING_STATE,
    basis: link.basis ?? state.basis,
    asOf: link.asOf ?? '',
    salesperson: link.salesperson ?? null,
    overdueOnly: link.overdue ?? false,
    sort: link.sort ? { key: link.sort, dir: link.sort === 'code' || link.sort === 'name' ? 'asc' : 'desc' } : null,
  };
}

export const isFiltered = (s: AgingState): boolean =>
  s.grade.length > 0 || s.layer.length > 0 || s.kind.length > 0 || s.region !== null || s.salesperson !== null || s.search.trim() !== '' || s.overdueOnly;

export function filterOf(s: AgingState, search: string): AgingFilter {
  return {
    asOf: s.asOf === '' ? null : s.asOf,
    basis: s.basis,
    grade: s.grade,
    layer: s.layer,
    kind: s.kind,
    region: s.region ?? '',
    salesperson: s.salesperson ?? '',
    search,
    overdueOnly: s.overdueOnly,
    // The default order puts the largest balance first: the one to chase.
    sort: s.sort ? { column: s.sort.key as AgingSortColumn, direction: s.sort.dir } : { column: 'balance', direction: 'desc' },
  };
}
