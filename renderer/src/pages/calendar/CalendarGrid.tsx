/**
 * The month grid of the contact calendar, as account managers keep it in
 * Excel: customers down, days across, each cell the T/E/M/O marks of that
 * day. Rows are virtualized (a salesperson may have hundreds of customers);
 * the customer column and the day header stay in place while scrolling.
 */
import { Popover, Text, Tooltip } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import dayjs from 'dayjs';
import { useRef, type ReactNode } from 'react';
import type { CalendarCell, CalendarMonth, CalendarRow } from '../../../../shared/api/customers';
import { formatYmd } from '../../../../shared/dates/calendar';
import { navigate } from '../../shell/router';
import { useI18n } from '../../i18n/I18nProvider';
import { CHANNEL_COLORS } from '../customers/labels';
import classes from './CalendarGrid.module.css';

const NAME_WIDTH = 200;
const DAY_WIDTH = 29;
const ROW_HEIGHT = 30;

export interface SelectedCell {
  customerId: string;
  date: string;
}

export interface CalendarGridProps {
  data: CalendarMonth;
  today: string;
  height: number | string;
  selected: SelectedCell | null;
  onSelect(cell: SelectedCell | null): void;
  /** The popover body for the selected cell. */
  renderPopover(row: CalendarRow, date: string): ReactNode;
}

function Marks({ cell }: { cell: CalendarCell | undefined }) {
  if (!cell) return null;
  const shown = cell.marks.slice(0, 2);
  return (
    <>
      {shown.map((m, i) => (
        <span key={i} style={{ color: `var(--mantine-color-${CHANNEL_COLORS[m]}-7)` }}>
          {m}
        </span>
      ))}
      {cell.marks.length > 2 && <span className={classes.more}>+</span>}
    </>
  );
}

export function CalendarGrid({ data, today, height, selected, onSelect, renderPopover }: CalendarGridProps) {
  const { locale } = useI18n();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [year, month] = data.month.split('-').map(Number);
  const days = Array.from({ length: data.daysInMonth }, (_, i) => {
    const date = formatYmd(year, month, i + 1);
    const dow = dayjs(date).day();
    return { day: i + 1, date, weekend: dow === 0 || dow === 6, label: dayjs(date).locale(locale === 'en' ? 'en' : 'zh-cn').format('dd') };
  });
  const template = `${NAME_WIDTH}px repeat(${data.daysInMonth}, ${DAY_WIDTH}px)`;
  const width = NAME_WIDTH + data.daysInMonth * DAY_WIDTH;

  const virtualizer = useVirtualizer({
    count: data.rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });

  const dayClass = (d: (typeof days)[number]) =>
    [classes.day, d.weekend ? classes.weekend : '', d.date === today ? classes.today : ''].join(' ');

  return (
    <div ref={scrollRef} className={classes.scroller} style={{ height }} data-testid="calendar-grid">
      <div className={`${classes.row} ${classes.header}`} style={{ gridTemplateColumns: template, width }}>
        <div className={`${classes.name} ${classes.headerName}`} />
        {days.map((d) => (
          <div key={d.day} className={dayClass(d)}>
            <div className={classes.dayNumber}>{d.day}</div>
            <div className={classes.weekday}>{d.label}</div>
          </div>
        ))}
      </div>
      <div style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = data.rows[v.index];
          const byDay = new Map(row.cells.map((c) => [c.day, c]));
          return (
            <div
              key={row.customerId}
              className={`${classes.row} ${classes.bodyRow}`}
              style={{ gridTemplateColumns: template, width, height: ROW_HEIGHT, transform: `translateY(${v.start}px)` }}
              data-testid={`calendar-row-${row.code}`}
            >
              <div className={classes.name} title={`${row.code} ${row.name}`}>
                <Text span size="xs" ff="monospace" c="dimmed" mr={6}>
                  {row.code}
                </Text>
                <Text
                  span
                  size="sm"
                  className={classes.nameLink}
                  onClick={() => navigate(`/customers/${row.customerId}?tab=interactions`)}
                >
                  {row.name}
                </Text>
              </div>
              {days.map((d) => {
                const cell = byDay.get(d.day);
                const isSelected = selected?.customerId === row.customerId && selected.date === d.date;
                const cellClass = [
                  dayClass(d),
                  classes.cell,
                  cell?.followUpDue ? classes.followUp : '',
                  cell?.promiseDue ? classes.promise : '',
                  cell?.plannedVisit ? classes.planned : '',
                  isSelected ? classes.selected : '',
                ].join(' ');
                const content = (
                  <div
                    className={cellClass}
                    role="button"
                    tabIndex={-1}
                    aria-label={`${row.name} ${d.date}`}
                    data-testid={`cell-${row.code}-${d.day}`}
                    onClick={() => onSelect(isSelected ? null : { customerId: row.customerId, date: d.date })}
                  >
                    <Marks cell={cell} />
                  </div>
                );
                if (!isSelected) return <CellTip key={d.day} cell={cell} content={content} />;
                return (
                  <Popover
                    key={d.day}
                    opened
                    onChange={(o) => !o && onSelect(null)}
                    onClose={() => onSelect(null)}
                    position="bottom"
                    withArrow
                    shadow="md"
                    width={400}
                    trapFocus
                    returnFocus
                  >
                    <Popover.Target>{content}</Popover.Target>
                    <Popover.Dropdown data-testid="calendar-popover">{renderPopover(row, d.date)}</Popover.Dropdown>
                  </Popover>
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}

/** Letters are terse; hovering a marked cell spells them out. */
function CellTip({ cell, content }: { cell: CalendarCell | undefined; content: ReactNode }) {
  if (!cell || cell.marks.length <= 2) return <>{content}</>;
  return (
    <Tooltip label={cell.marks.join(' ')} openDelay={300} withinPortal>
      {content}
    </Tooltip>
  );
}
