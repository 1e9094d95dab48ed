/** Audit history as the UI shows it (who changed which field from what to what). */
export interface HistoryEntryDto {
  id: string;
  at: string;
  user: string;
  device: string;
  action: string;
  changes: { field: string; before: unknown; after: unknown }[];
}
