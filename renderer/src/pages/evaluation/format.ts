/** How the evaluation screens show rates, days and scores. */
export const pct = (r: number | null | undefined): string => (r === null || r === undefined ? '—' : `${(r * 100).toFixed(2)}%`);
export const daysText = (d: number | null | undefined): string => (d === null || d === undefined ? '—' : String(d));
export const SCORE_COLORS = (score: number): string => (score >= 70 ? 'teal' : score >= 50 ? 'indigo' : score >= 30 ? 'orange' : 'red');
export const QUADRANT_COLORS = { develop: 'teal', collect: 'orange', maintain: 'indigo', shrink: 'gray' } as const;
/** Grade colours of the quadrant points (grade A strongest). */
export const GRADE_FILL: Record<string, string> = { A: '#2f9e44', B: '#1c7ed6', C: '#f08c00', D: '#e03131', none: '#868e96' };

/** Query parameters after `?` in the hash (`#/evaluation?salesperson=王海`). */
export function hashParams(): URLSearchParams {
  return new URLSearchParams(window.location.hash.split('?')[1] ?? '');
}
