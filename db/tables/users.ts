/** Kysely row types of issue 13: users, login back-off, approvals, lock exceptions, reviews. */
import type { Role } from '../../shared/auth/roles';

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  must_change_password: number;
  recovery_code_hash: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface LoginThrottleTable {
  username: string;
  failures: number;
  locked_until: string | null;
}

export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'failed';

export interface ApprovalsTable {
  id: string;
  method: string;
  payload: string;
  payload_sha256: string;
  act: string;
  summary: string;
  customer_id: string | null;
  amount_fen: number | null;
  reason: string;
  requested_by: string;
  requested_at: string;
  expires_at: string;
  status: ApprovalStatus;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string;
}

export interface LockExceptionsTable {
  id: string;
  customer_id: string;
  through_date: string;
  reason: string;
  granted_by: string;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
  revoked_by: string | null;
}

export interface ExceptionReviewsTable {
  id: string;
  audit_id: string;
  reviewed_by: string;
  reviewed_at: string;
}
