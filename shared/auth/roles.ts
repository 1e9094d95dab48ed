/**
 * The four fixed roles (ROLES-NOTES §5.1) and what each may do. Permissions
 * are a short list of named capabilities; every API method names exactly one
 * of them (shared/auth/methodPermissions.ts) and the dispatcher checks it
 * against the logged-in user's role. There is no permission editor: an
 * office of 1–5 people does not maintain a grid.
 */
export const ROLES = ['boss', 'accountant', 'clerk', 'salesperson'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  boss: '老板',
  accountant: '会计',
  clerk: '文员',
  salesperson: '业务员',
};

export const PERMISSIONS = [
  /** Anyone, logged in or not, even while the screen is locked (status, login). */
  'public',
  /** Any logged-in user: own password, lock, log out. */
  'session',
  /** Reading customers, ledger, reports; salesperson sees own customers only. */
  'read',
  /** The change history of one record. */
  'read.history',
  /** Whole-list exports (customer list, products, contracts): the office's asset. */
  'export.list',
  'customers.write',
  /** Interactions, promises, follow-up calls. */
  'interactions.write',
  'contracts.write',
  'ledger.post',
  'statements.write',
  'statements.print',
  /** Snooze / acknowledge alerts. */
  'alerts.act',
  /** Company profile, numbering, aging buckets, alert thresholds, statement layout. */
  'settings.office',
  /** Credit control, approval limits, idle lock, update feed. */
  'settings.boss',
  'users.manage',
  /** Move the closed-through date forward (结账). */
  'period.close',
  /** Move it back (反结账), grant or revoke a lock exception. */
  'period.reopen',
  'approvals.request',
  'approvals.decide',
  /** View and export the exceptions report. */
  'exceptions.read',
  /** Tick exceptions-report lines as reviewed (已复核). */
  'exceptions.review',
  'audit.read',
  /** Regrade customers from their scorecards (issue 14): the boss's call. */
  'customers.grade',
  /** Merge a duplicate customer into another and undo it (issue 12 sync conflicts): boss and accountant. */
  'customers.merge',
  /** The team's figures: salesperson performance (issue 14). */
  'reports.team',
  'data.restore',
  'data.demo',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const EVERYONE: readonly Permission[] = ['public', 'session', 'read', 'statements.print', 'alerts.act', 'interactions.write'];
const OFFICE: readonly Permission[] = [
  ...EVERYONE,
  'read.history',
  'customers.write',
  'contracts.write',
  'ledger.post',
  'statements.write',
  'approvals.request',
];

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  boss: PERMISSIONS,
  accountant: [...OFFICE, 'customers.merge', 'export.list', 'settings.office', 'period.close', 'exceptions.read', 'exceptions.review', 'audit.read', 'reports.team'],
  clerk: OFFICE,
  salesperson: EVERYONE,
};

export const roleMay = (role: Role, permission: Permission): boolean => ROLE_PERMISSIONS[role].includes(permission);

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/**
 * What an unnamed command-line reader may do once users exist (issue 13
 * point 8: write commands need --user and a password; read commands do not,
 * unless the user is a scoped salesperson, who then logs in to be scoped).
 */
export const CLI_READER_PERMISSIONS: readonly Permission[] = ['public', 'read', 'read.history', 'statements.print', 'export.list', 'audit.read', 'exceptions.read'];
