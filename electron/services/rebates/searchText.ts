import { toHalfWidth } from '../../../shared/text/normalize';

/** Case- and width-insensitive text for the list's search box. */
export const normalizeSearch = (s: string): string => toHalfWidth(s).trim().toLowerCase();
