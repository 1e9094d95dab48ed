import type { CaseStatus } from '../../../../../shared/evaluation/enums';

export const CASE_STATUS_COLORS: Record<CaseStatus, string> = { open: 'orange', in_progress: 'indigo', resolved: 'teal', closed: 'gray' };
