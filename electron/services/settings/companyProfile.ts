/** The company profile: our letterhead, tax id and bank account on statements. */
import { z } from 'zod';
import type { CompanyProfile, LogoImage, companyProfileSchema, logoUploadSchema } from '../../../shared/api/settings';
import { DomainError } from '../../../shared/errors';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { readStoredFile, storeFile } from '../files/fileStore';
import { sniffMime } from '../files/sniffType';
import { readSetting, writeSetting } from './settingsStore';

const KEY = 'company';
const MAX_LOGO_BYTES = 2 * 1024 * 1024;

type StoredProfile = Omit<CompanyProfile, 'updatedAt'>;

const EMPTY: StoredProfile = {
  companyName: '',
  shortName: '',
  address: '',
  phone: '',
  taxId: '',
  bankName: '',
  bankAccount: '',
  logoSha256: null,
};

export function getCompanyProfile(ctx: ServiceContext): CompanyProfile {
  const row = readSetting<Partial<StoredProfile>>(ctx, KEY);
  return { ...EMPTY, ...(row?.value ?? {}), updatedAt: row?.updatedAt ?? null };
}

function saveProfile(ctx: ServiceContext, next: StoredProfile, action: string): CompanyProfile {
  return ctx.db.transaction(() => {
    const { updatedAt: _ignored, ...before } = getCompanyProfile(ctx);
    writeSetting(ctx, KEY, next);
    recordChange(ctx, { entity: 'company_profile', entityId: KEY, action, before, after: next, tables: ['settings'] });
    return getCompanyProfile(ctx);
  });
}

export function updateCompanyProfile(ctx: ServiceContext, input: z.output<typeof companyProfileSchema>): CompanyProfile {
  const { updatedAt: _u, ...current } = getCompanyProfile(ctx);
  return saveProfile(ctx, { ...current, ...input }, 'update');
}

export function setCompanyLogo(ctx: ServiceContext, input: z.output<typeof logoUploadSchema>): CompanyProfile {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.byteLength > MAX_LOGO_BYTES) {
    throw new DomainError('validation', '标志图片不能超过 2 MB', 'logo');
  }
  const mime = sniffMime(bytes);
  if (mime !== 'image/png' && mime !== 'image/jpeg') {
    throw new DomainError('validation', '标志必须是 PNG 或 JPG 图片', 'logo');
  }
  return ctx.db.transaction(() => {
    const sha = storeFile(ctx, bytes, mime);
    const { updatedAt: _u, ...current } = getCompanyProfile(ctx);
    return saveProfile(ctx, { ...current, logoSha256: sha }, 'set_logo');
  });
}

export function clearCompanyLogo(ctx: ServiceContext): CompanyProfile {
  const { updatedAt: _u, ...current } = getCompanyProfile(ctx);
  return saveProfile(ctx, { ...current, logoSha256: null }, 'clear_logo');
}

export function getCompanyLogo(ctx: ServiceContext): LogoImage | null {
  const sha = getCompanyProfile(ctx).logoSha256;
  if (!sha) return null;
  const file = readStoredFile(ctx, sha);
  return file ? { sha256: sha, mime: file.mime, dataBase64: file.bytes.toString('base64') } : null;
}
