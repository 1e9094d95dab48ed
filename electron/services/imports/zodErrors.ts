/** Shared-schema failures of one import row, as report errors on the columns they came from. */
import type { z } from 'zod';
import type { ImportError } from '../import/report';

export function zodIssuesToImportErrors(error: z.ZodError, row: number, pathColumn: Readonly<Record<string, string>>): ImportError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    // A nested path without its own column (contact.wechat) falls back to its parent's.
    const column = pathColumn[path] ?? pathColumn[String(issue.path[0] ?? '')] ?? '';
    return { row, column, message: issue.message };
  });
}
