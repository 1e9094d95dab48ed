/**
 * The customer form's values and their conversion to the API input. The
 * form keeps what the clerk typed (amounts and days as text) and validates
 * with the service's own schema, with only the typed-text fields swapped for
 * text validators that give the same messages.
 */
import { z } from 'zod';
import {
  customerCreateSchema,
  type CustomerCreateInput,
  type CustomerDetail,
  type CustomerGrade,
  type CustomerKind,
  type CustomerStatus,
  type CustomerUpdateInput,
} from '../../../../shared/api/customers';
import { MAX_PAYMENT_TERM_DAYS } from '../../../../shared/api/customerEnums';
import { optionalText, optionalValidated } from '../../../../shared/schemas/fields';
import { toHalfWidth } from '../../../../shared/text/normalize';
import { validateEmail, validateMobile, validatePhone } from '../../../../shared/validators/contact';
import type { CustomerLayer } from '../../../../shared/evaluation/enums';
import { amountTextField, fenToAmountText, parseAmountText } from '../../components/amountText';

export interface CustomerFormValues {
  code: string;
  name: string;
  shortName: string;
  kind: CustomerKind | null;
  grade: CustomerGrade | null;
  /** 客户分层 and the customer's own visit interval (issue 14). */
  layer: CustomerLayer | null;
  visitIntervalDays: string;
  region: string;
  address: string;
  taxId: string;
  bankName: string;
  bankAccount: string;
  creditLimit: string;
  paymentTermDays: string;
  salesperson: string;
  status: CustomerStatus;
  tags: string[];
  notes: string;
  /** The optional first contact, only on a new customer. */
  contactName: string;
  contactTitle: string;
  contactMobile: string;
  contactPhone: string;
  contactEmail: string;
}

const CONTACT_FIELDS = ['contactName', 'contactTitle', 'contactMobile', 'contactPhone', 'contactEmail'] as const;

const paymentTermText = z.string().refine(
  (v) => {
    const s = toHalfWidth(v).trim();
    return s === '' || (/^\d+$/.test(s) && Number(s) <= MAX_PAYMENT_TERM_DAYS);
  },
  { error: `账期天数应为 0–${MAX_PAYMENT_TERM_DAYS} 的整数` },
);

const visitIntervalText = z.string().refine(
  (v) => {
    const s = toHalfWidth(v).trim();
    return s === '' || (/^\d+$/.test(s) && Number(s) >= 1 && Number(s) <= 3650);
  },
  { error: '回访周期应为 1–3650 的整数天数' },
);

export const customerFormSchema = customerCreateSchema
  .omit({ creditLimitFen: true, paymentTermDays: true, contact: true, visitIntervalDays: true })
  .extend({
    creditLimit: amountTextField({ label: '信用额度', allowZero: true }),
    paymentTermDays: paymentTermText,
    visitIntervalDays: visitIntervalText,
    contactName: optionalText('联系人姓名', 50),
    contactTitle: optionalText('职务', 50),
    contactMobile: optionalValidated('手机', 30, validateMobile),
    contactPhone: optionalValidated('电话', 50, validatePhone),
    contactEmail: optionalValidated('邮箱', 254, validateEmail),
  })
  .superRefine((v, ctx) => {
    const anyContact = CONTACT_FIELDS.some((f) => v[f].trim() !== '');
    if (anyContact && v.contactName.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['contactName'], message: '填写了联系方式，请同时填写联系人姓名' });
    }
  });

export function emptyCustomerValues(code: string): CustomerFormValues {
  return {
    code,
    name: '',
    shortName: '',
    kind: null,
    grade: null,
    layer: null,
    visitIntervalDays: '',
    region: '',
    address: '',
    taxId: '',
    bankName: '',
    bankAccount: '',
    creditLimit: '',
    paymentTermDays: '',
    salesperson: '',
    status: 'active',
    tags: [],
    notes: '',
    contactName: '',
    contactTitle: '',
    contactMobile: '',
    contactPhone: '',
    contactEmail: '',
  };
}

export function customerToValues(c: CustomerDetail): CustomerFormValues {
  return {
    ...emptyCustomerValues(c.code),
    name: c.name,
    shortName: c.shortName,
    kind: c.kind,
    grade: c.grade,
    layer: c.layer,
    visitIntervalDays: c.visitIntervalDays === null ? '' : String(c.visitIntervalDays),
    region: c.region,
    address: c.address,
    taxId: c.taxId,
    bankName: c.bankName,
    bankAccount: c.bankAccount,
    creditLimit: fenToAmountText(c.creditLimitFen),
    paymentTermDays: c.paymentTermDays === null ? '' : String(c.paymentTermDays),
    salesperson: c.salesperson,
    status: c.status,
    tags: [...c.tags],
    notes: c.notes,
  };
}

/** Only called after the form validated, so the typed text parses. */
function commonInput(v: CustomerFormValues) {
  const limit = parseAmountText(v.creditLimit, { allowZero: true });
  const term = toHalfWidth(v.paymentTermDays).trim();
  return {
    code: v.code,
    name: v.name,
    shortName: v.shortName,
    kind: v.kind,
    grade: v.grade,
    layer: v.layer,
    visitIntervalDays: toHalfWidth(v.visitIntervalDays).trim() === '' ? null : Number(toHalfWidth(v.visitIntervalDays).trim()),
    region: v.region,
    address: v.address,
    taxId: v.taxId,
    bankName: v.bankName,
    bankAccount: v.bankAccount,
    creditLimitFen: limit.ok ? limit.value : null,
    paymentTermDays: term === '' ? null : Number(term),
    salesperson: v.salesperson,
    status: v.status,
    tags: v.tags,
    notes: v.notes,
  };
}

export function valuesToCreate(v: CustomerFormValues): CustomerCreateInput {
  const contact =
    v.contactName.trim() === ''
      ? null
      : { name: v.contactName, title: v.contactTitle, mobile: v.contactMobile, phone: v.contactPhone, email: v.contactEmail, isPrimary: true };
  return { ...commonInput(v), contact };
}

export function valuesToUpdate(id: string, expectedUpdatedAt: string, v: CustomerFormValues): CustomerUpdateInput {
  return { id, expectedUpdatedAt, ...commonInput(v) };
}

/** Where a service error about an API field goes on this form. */
export function formFieldOf(apiField: string): string {
  if (apiField === 'creditLimitFen') return 'creditLimit';
  const contact = /^contact\.(\w+)$/.exec(apiField);
  if (contact) return `contact${contact[1].charAt(0).toUpperCase()}${contact[1].slice(1)}`;
  return apiField;
}
