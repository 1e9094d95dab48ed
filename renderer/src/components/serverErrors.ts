/** Puts a dispatcher validation error under the field it names; returns false if it named none. */
import { ApiError } from '../api/client';

export function applyServerError(e: unknown, setFieldError: (field: string, message: string) => void): boolean {
  if (!(e instanceof ApiError)) return false;
  const details = Array.isArray(e.details) ? (e.details as { field: string | null; message: string }[]) : [];
  let placed = false;
  for (const d of details) {
    if (d.field) {
      setFieldError(d.field, d.message);
      placed = true;
    }
  }
  if (!placed && e.field) {
    setFieldError(e.field, e.message);
    placed = true;
  }
  return placed;
}
