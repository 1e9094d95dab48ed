/**
 * A statement goes out on the office's letterhead: without a company name it
 * would carry a placeholder where the customer expects to see who is asking
 * for the money. Every path that numbers a statement (one, a batch) asks
 * here first, before anything is numbered, written or recorded.
 */
import { DomainError } from '../../../shared/errors';
import type { ServiceContext } from '../context';
import { getCompanyProfile } from '../settings/companyProfile';

export const COMPANY_NAME_REQUIRED = '请先在“设置 → 公司资料”中填写公司名称：对账单的抬头要印上贵公司的名称，填写后才能生成对账单';

export function requireCompanyName(ctx: ServiceContext): void {
  if (getCompanyProfile(ctx).companyName.trim() === '') throw new DomainError('validation', COMPANY_NAME_REQUIRED, 'companyName');
}
