/**
 * Failed-login back-off (ROLES-NOTES §3.1): after 5 failures for one user
 * name on this PC, wait 30 s, doubling with each further failure (capped at
 * one hour). Protects the login screen only: the file's hash cost is what
 * protects against an offline attack.
 */
export const FREE_ATTEMPTS = 5;
const BASE_MS = 30_000;
const CAP_MS = 3_600_000;

/** Milliseconds to wait after `failures` consecutive failures (0 = may try now). */
export function backoffAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(CAP_MS, BASE_MS * 2 ** (failures - FREE_ATTEMPTS));
}
