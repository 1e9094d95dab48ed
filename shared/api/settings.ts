/** Company profile (our letterhead on statements) and app settings. */
import { z } from 'zod';
import { optionalText, optionalValidated, requiredText } from '../schemas/fields';
import { validateTaxId } from '../validators/taxId';
import { isAcceptableUpdateFeed, UPDATE_FEED_URL_MESSAGE } from '../validators/updateFeedUrl';
import { validatePhone } from '../validators/contact';
import { method } from './define';

export const companyProfileSchema = z.object({
  companyName: requiredText('公司名称', 200),
  shortName: optionalText('公司简称', 50),
  address: optionalText('地址', 300),
  phone: optionalValidated('电话', 50, validatePhone),
  taxId: optionalValidated('统一社会信用代码', 30, validateTaxId),
  bankName: optionalText('开户行', 100),
  bankAccount: optionalText('银行账号', 50).refine((v) => v === '' || /^[0-9 -]{6,40}$/.test(v), {
    error: '银行账号只能包含数字、空格和短横线',
  }),
});
export type CompanyProfileInput = z.input<typeof companyProfileSchema>;

export interface CompanyProfile {
  companyName: string;
  shortName: string;
  address: string;
  phone: string;
  taxId: string;
  bankName: string;
  bankAccount: string;
  /** sha256 of the stored logo image, or null. */
  logoSha256: string | null;
  updatedAt: string | null;
}

export const logoUploadSchema = z.object({
  fileName: requiredText('文件名', 255),
  /** The image bytes, base64. 2 MB at most (checked by the service on the decoded size). */
  dataBase64: z.string({ error: '请选择图片文件' }).min(1, { error: '请选择图片文件' }),
});

export interface LogoImage {
  sha256: string;
  mime: string;
  dataBase64: string;
}

export const updateFeedSchema = z.object({
  feedUrl: optionalText('更新地址', 500).refine(isAcceptableUpdateFeed, { error: UPDATE_FEED_URL_MESSAGE }),
});
export interface UpdateFeedSettings {
  feedUrl: string;
}

/** The first-run office setup: the step to resume at and whether the office still needs it. */
export interface OfficeSetupState {
  /** 0 company, 1 账期 and credit control, 2 customers, 3 opening balances, 4 done. */
  step: number;
  done: boolean;
  /** The wizard was opened once (its progress is stored): it stays until finished, even after customers arrive. */
  started: boolean;
  /** True on an office with nothing on file yet, or a setup started and not finished. */
  needed: boolean;
}
export const officeSetupSchema = z.object({
  step: z.number().int('步骤必须是整数').min(0).max(4),
  done: z.boolean().default(false),
});
export const receivablesSettingsSchema = z.object({
  defaultPaymentTermDays: z.number({ error: '默认账期天数必须是数字' }).int('默认账期天数必须是整数').min(0, '默认账期天数不能小于 0').max(3650, '默认账期天数不能超过 3650 天'),
});
export interface ReceivablesSettingsView {
  defaultPaymentTermDays: number;
}

export const settingsMethods = {
  'settings.officeSetup': method<OfficeSetupState>()(z.object({}), ['settings', 'customers']),
  'settings.saveOfficeSetup': method<OfficeSetupState>()(officeSetupSchema, []),
  'settings.receivables': method<ReceivablesSettingsView>()(z.object({}), ['settings']),
  'settings.updateReceivables': method<ReceivablesSettingsView>()(receivablesSettingsSchema, []),
  'settings.getUpdateFeed': method<UpdateFeedSettings>()(z.object({}), ['settings']),
  'settings.updateUpdateFeed': method<UpdateFeedSettings>()(updateFeedSchema, []),
  'settings.getCompany': method<CompanyProfile>()(z.object({}), ['settings']),
  'settings.updateCompany': method<CompanyProfile>()(companyProfileSchema, []),
  'settings.setLogo': method<CompanyProfile>()(logoUploadSchema, []),
  'settings.clearLogo': method<CompanyProfile>()(z.object({}), []),
  'settings.getLogo': method<LogoImage | null>()(z.object({}), ['settings', 'stored_files']),
};
