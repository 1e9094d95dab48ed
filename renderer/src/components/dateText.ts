/**
 * The one way the screens write a date or a time (UI.md: dates YYYY-MM-DD
 * everywhere). Business dates are already 'YYYY-MM-DD' strings and are shown
 * as they are; instants (created/updated/generated at, ISO UTC) are shown in
 * the PC's local time as 'YYYY-MM-DD HH:mm'. Never toLocaleString: zh-CN
 * writes 2026/12/7, and a chart tick of 26/02 reads as a day and a month.
 */
import dayjs from 'dayjs';

/** An instant's local calendar date: '2026-12-07'. */
export const dateOf = (iso: string): string => dayjs(iso).format('YYYY-MM-DD');

/** An instant in local time to the minute: '2026-12-07 14:05'. */
export const dateTimeOf = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** To the second, where two events of one minute must be told apart (backups). */
export const dateTimeSecondsOf = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm:ss');

/** A month key as written on axes and headers: '2026-02' (never 26/02). */
export const monthText = (month: string): string => month.slice(0, 7);
