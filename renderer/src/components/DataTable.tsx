/**
 * The list surface of every screen: a virtualized grid of dense rows (only
 * what is on screen is in the DOM, so 5,000 customers scroll smoothly), a
 * sticky header with server-side sorting, an optional sticky totals footer,
 * and row click. Rows arrive page by page: when the clerk scrolls near the
 * end of what is loaded and the server has more, `onLoadMore` is called.
 */
import { Center, Loader, Text } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type CSSProperties, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';
import classes from './DataTable.module.css';
import { Money } from './Money';

export type SortDir = 'asc' | 'desc';
export interface SortState {
  key: string;
  dir: SortDir;
}

export interface DataColumn<T> {
  /** Identifies the column; also the sort key sent to the server. */
  key: string;
  header: ReactNode;
  /** Pixels, or a CSS grid track such as '2fr' / 'minmax(160px, 2fr)'. Default: minmax(90px, 1fr). */
  width?: number | string;
  align?: 'left' | 'right' | 'center';
  /** A money column: the fen of the row, rendered with Money and right-aligned. */
  money?: (row: T) => number | null;
  /** Cell content (ignored when `money` is set). Plain strings get a tooltip for truncated text. */
  cell?: (row: T) => ReactNode;
  sortable?: boolean;
  /** Content of the totals row under this column (e.g. <Money fen={sum} strong />). */
  footer?: ReactNode;
}

export interface DataTableProps<T> {
  rows: readonly T[];
  columns: readonly DataColumn<T>[];
  rowKey(row: T): string;
  /** Height of the scrolling area (px or CSS); 'auto' with maxHeight for short lists that grow. */
  height?: number | string;
  maxHeight?: number | string;
  rowHeight?: number;
  sort?: SortState | null;
  /** Clicking a sortable header: asc -> desc -> default order (null). */
  onSortChange?(sort: SortState | null): void;
  onRowClick?(row: T): void;
  /** First load (no rows yet) or a reload after a filter change. */
  loading?: boolean;
  /** Rows that exist on the server; with onLoadMore, more are fetched while scrolling. */
  total?: number;
  onLoadMore?(): void;
  loadingMore?: boolean;
  /** Shown when there are no rows and nothing is loading (usually an EmptyState). */
  empty?: ReactNode;
  /** When this changes (new search or filter), the list scrolls back to the top. */
  resetKey?: string;
  /** Long text wraps and rows grow to fit (measured), e.g. lists of import problems. */
  wrap?: boolean;
  /** Highlight or dim a row (e.g. archived ones). */
  rowStyle?(row: T): CSSProperties | undefined;
  'data-testid'?: string;
}

const DEFAULT_TRACK = 'minmax(90px, 1fr)';
/** Ask for the next page this many rows before the end of what is loaded. */
const PREFETCH_ROWS = 20;

const track = (w: number | string | undefined) => (typeof w === 'number' ? `${w}px` : (w ?? DEFAULT_TRACK));
const minWidthOf = (w: number | string | undefined) => {
  if (typeof w === 'number') return w;
  const m = /minmax\((\d+)px/.exec(w ?? DEFAULT_TRACK);
  return m ? Number(m[1]) : 90;
};

export function DataTable<T>(props: DataTableProps<T>) {
  const {
    rows,
    columns,
    rowKey,
    height = 480,
    maxHeight,
    rowHeight = 34,
    sort,
    onSortChange,
    onRowClick,
    loading,
    total,
    onLoadMore,
    loadingMore,
    empty,
    resetKey,
    wrap,
    rowStyle,
  } = props;
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });

  const gridTemplateColumns = columns.map((c) => track(c.width)).join(' ');
  const minWidth = columns.reduce((sum, c) => sum + minWidthOf(c.width), 0);
  const gridStyle: CSSProperties = { gridTemplateColumns, minWidth };
  const hasFooter = columns.some((c) => c.footer !== undefined);
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;
  const hasMore = total !== undefined && rows.length < total;

  useEffect(() => {
    if (onLoadMore && hasMore && !loadingMore && !loading && lastIndex >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [lastIndex, rows.length, hasMore, loadingMore, loading, onLoadMore]);

  useEffect(() => {
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  const clickHeader = (key: string) => {
    if (!onSortChange) return;
    if (sort?.key !== key) onSortChange({ key, dir: 'asc' });
    else if (sort.dir === 'asc') onSortChange({ key, dir: 'desc' });
    else onSortChange(null);
  };

  const alignClass = (c: DataColumn<T>) =>
    c.money || c.align === 'right' ? classes.right : c.align === 'center' ? classes.center : undefined;

  const renderCell = (c: DataColumn<T>, row: T) => {
    if (c.money) return <Money fen={c.money(row)} />;
    return c.cell ? c.cell(row) : null;
  };

  const showEmpty = !loading && rows.length === 0;

  return (
    <div
      ref={scrollRef}
      className={classes.scroller}
      style={{ height, maxHeight }}
      role="table"
      aria-rowcount={total ?? rows.length}
      aria-busy={loading || loadingMore || undefined}
      data-testid={props['data-testid']}
    >
      <div role="row" className={`${classes.row} ${classes.header}`} style={{ ...gridStyle, height: rowHeight }}>
        {columns.map((c) => {
          const active = sort?.key === c.key ? sort.dir : null;
          return (
            <div
              key={c.key}
              role="columnheader"
              className={`${classes.cell} ${alignClass(c) ?? ''}`}
              aria-sort={active === 'asc' ? 'ascending' : active === 'desc' ? 'descending' : undefined}
            >
              {c.sortable && onSortChange ? (
                <button
                  type="button"
                  className={classes.sortButton}
                  onClick={() => clickHeader(c.key)}
                  title={active === 'asc' ? t('ui.table.sortAsc') : active === 'desc' ? t('ui.table.sortDesc') : undefined}
                >
                  <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{c.header}</span>
                  {active === 'asc' ? (
                    <IconArrowUp size={13} />
                  ) : active === 'desc' ? (
                    <IconArrowDown size={13} />
                  ) : (
                    <IconArrowsSort size={13} opacity={0.35} />
                  )}
                </button>
              ) : (
                c.header
              )}
            </div>
          );
        })}
      </div>

      <div
        role="rowgroup"
        className={classes.body}
        style={{ height: showEmpty ? undefined : virtualizer.getTotalSize(), minWidth, minHeight: rows.length ? undefined : 160 }}
      >
        {items.map((v) => {
          const row = rows[v.index];
          const clickable = Boolean(onRowClick);
          return (
            <div
              key={rowKey(row)}
              ref={wrap ? virtualizer.measureElement : undefined}
              data-index={v.index}
              role="row"
              aria-rowindex={v.index + 2}
              tabIndex={clickable ? 0 : undefined}
              className={`${classes.row} ${classes.bodyRow} ${clickable ? classes.clickable : ''}`}
              style={{ ...gridStyle, ...(wrap ? { minHeight: rowHeight } : { height: v.size }), transform: `translateY(${v.start}px)`, ...rowStyle?.(row) }}
              onClick={clickable ? () => onRowClick?.(row) : undefined}
              onKeyDown={
                clickable
                  ? (e) => {
                      // Keys pressed on a control inside the row (an amount, 记录电话) belong to that control.
                      if (e.target !== e.currentTarget) return;
                      if (e.key === 'Enter') onRowClick?.(row);
                      else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                        e.preventDefault();
                        const to = v.index + (e.key === 'ArrowDown' ? 1 : -1);
                        if (to < 0 || to >= rows.length) return;
                        const body = e.currentTarget.parentElement;
                        const focusRow = () => body?.querySelector<HTMLElement>(`[data-index="${to}"]`)?.focus();
                        // A virtualized row below the fold is not in the DOM yet: scroll it in, then focus it.
                        virtualizer.scrollToIndex(to);
                        if (body?.querySelector(`[data-index="${to}"]`)) focusRow();
                        else requestAnimationFrame(focusRow);
                      }
                    }
                  : undefined
              }
            >
              {columns.map((c) => {
                const content = renderCell(c, row);
                return (
                  <div
                    key={c.key}
                    role="cell"
                    className={`${classes.cell} ${wrap ? classes.wrap : ''} ${alignClass(c) ?? ''}`}
                    title={!wrap && typeof content === 'string' ? content : undefined}
                  >
                    {content}
                  </div>
                );
              })}
            </div>
          );
        })}
        {showEmpty && empty}
        {loading && rows.length === 0 && (
          <Center className={classes.overlay}>
            <Loader size="sm" />
          </Center>
        )}
      </div>

      {loadingMore && (
        <Text size="xs" c="dimmed" ta="center" py={4}>
          {t('ui.table.loadingMore')}
        </Text>
      )}

      {hasFooter && rows.length > 0 && (
        <div role="row" className={`${classes.row} ${classes.footer}`} style={{ ...gridStyle, height: rowHeight }}>
          {columns.map((c) => (
            <div key={c.key} role="cell" className={`${classes.cell} ${alignClass(c) ?? ''}`}>
              {c.footer}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
