/**
 * 往来日历: one month, customers as rows, days as columns, each cell the
 * T/E/M/O marks of that day — the grid account managers keep in Excel —
 * plus the follow-up and promise dates that fall in the month.
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import {
  CALENDAR_MAX_ROWS,
  type CalendarCell,
  type CalendarMonth,
  type CalendarRow,
  type CustomerGrade,
  type InteractionChannel,
  type calendarSchema,
} from '../../../shared/api/customers';
import { daysInMonth, formatYmd } from '../../../shared/dates/calendar';
import type { ServiceContext } from '../context';
import { plannedVisits } from '../evaluation/visitPlans';
import { customerConditions, whereAll } from './search';

export type CalendarQuery = z.output<typeof calendarSchema>;

interface CustomerHead {
  id: string;
  code: string;
  name: string;
  grade: string | null;
  salesperson: string;
}

interface MarkRow {
  customer_id: string;
  id: string;
  date: string;
  channel: string;
  promise_date: string | null;
  next_follow_up: string | null;
}

export function interactionCalendar(ctx: ServiceContext, q: CalendarQuery): CalendarMonth {
  const year = Number(q.month.slice(0, 4));
  const month = Number(q.month.slice(5, 7));
  const days = daysInMonth(year, month);
  const from = formatYmd(year, month, 1);
  const to = formatYmd(year, month, days);
  const where = whereAll(
    customerConditions({ search: q.search, grade: q.grade, layer: q.layer, salesperson: q.salesperson, includeArchived: false }),
  );

  return ctx.db.readSnapshot(() => {
    // Everything dated in the month for the matching customers: the entries themselves, and any
    // follow-up or promise date that lands in the month (possibly set by an entry of an earlier month).
    const marks = ctx.db.all(
      sql<MarkRow>`SELECT i.customer_id, i.id, i.date, i.channel, i.promise_date, i.next_follow_up
        FROM interactions i JOIN customers c ON c.id = i.customer_id
        WHERE ${where} AND (i.date BETWEEN ${from} AND ${to}
          OR i.next_follow_up BETWEEN ${from} AND ${to} OR i.promise_date BETWEEN ${from} AND ${to})
        ORDER BY i.date, i.created_at, i.id`.compile(ctx.db.k),
    );

    const cellsByCustomer = new Map<string, Map<string, CalendarCell>>();
    const cellOf = (customerId: string, date: string): CalendarCell => {
      let cells = cellsByCustomer.get(customerId);
      if (!cells) cellsByCustomer.set(customerId, (cells = new Map()));
      let cell = cells.get(date);
      if (!cell) {
        cell = { date, day: Number(date.slice(8, 10)), marks: [], interactionIds: [], followUpDue: false, promiseDue: false, plannedVisit: false };
        cells.set(date, cell);
      }
      return cell;
    };
    const inMonth = (d: string | null): d is string => d !== null && d >= from && d <= to;
    for (const m of marks) {
      if (inMonth(m.date)) {
        const cell = cellOf(m.customer_id, m.date);
        cell.marks.push(m.channel as InteractionChannel);
        cell.interactionIds.push(m.id);
      }
      if (inMonth(m.next_follow_up)) cellOf(m.customer_id, m.next_follow_up).followUpDue = true;
      if (inMonth(m.promise_date)) cellOf(m.customer_id, m.promise_date).promiseDue = true;
    }
    // Planned visits (issue 14) of the customers matching the filter, beside the done ones.
    const matching = ctx.db.all(sql<{ id: string }>`SELECT c.id FROM customers c WHERE ${where}`.compile(ctx.db.k)).map((r) => r.id);
    if (matching.length > 0) {
      for (const p of plannedVisits(ctx, { from, to, customerIds: matching })) cellOf(p.customerId, p.dueOn).plannedVisit = true;
    }

    const heads = q.onlyWithEntries
      ? cellsByCustomer.size === 0
        ? []
        : ctx.db.all(
            sql<CustomerHead>`SELECT c.id, c.code, c.name, c.grade, c.salesperson FROM customers c
              WHERE c.id IN (SELECT value FROM json_each(${JSON.stringify([...cellsByCustomer.keys()])}))
              ORDER BY c.code COLLATE NOCASE, c.id`.compile(ctx.db.k),
          )
      : ctx.db.all(
          sql<CustomerHead>`SELECT c.id, c.code, c.name, c.grade, c.salesperson FROM customers c WHERE ${where}
            ORDER BY c.code COLLATE NOCASE, c.id LIMIT ${CALENDAR_MAX_ROWS + 1}`.compile(ctx.db.k),
        );

    const truncated = heads.length > CALENDAR_MAX_ROWS;
    const rows: CalendarRow[] = heads.slice(0, CALENDAR_MAX_ROWS).map((h) => ({
      customerId: h.id,
      code: h.code,
      name: h.name,
      grade: h.grade as CustomerGrade | null,
      salesperson: h.salesperson,
      cells: [...(cellsByCustomer.get(h.id)?.values() ?? [])].sort((a, b) => a.day - b.day),
    }));
    return { month: q.month, daysInMonth: days, rows, truncated };
  });
}
