/**
 * The contract form's values and their conversion to the API input. The form
 * keeps what the clerk typed (quantities, prices and amounts as text, so a
 * refused save loses nothing) and validates with the service's own line and
 * installment schemas, so a message under a field is the message the
 * service would give.
 */
import { schemaResolver, type FormErrors } from '@mantine/form';
import { z } from 'zod';
import {
  contractCreateSchema,
  contractInstallmentInputSchema,
  contractLineInputSchema,
  type ContractCreateInput,
  type ContractDetail,
  type ContractKind,
  type ContractUpdateInput,
} from '../../../../shared/api/contracts';
import { fenToDecimalString } from '../../../../shared/money/format';
import { formatThousandths } from '../../../../shared/money/quantity';
import { amountTextField } from '../../components/amountText';

export interface LineValues {
  /** React key of the row; never sent. */
  key: string;
  /** The saved line's id (kept on save); undefined for a new line. */
  id?: string;
  productId: string | null;
  /** Shown beside the name while the line is linked to a catalogue product. */
  productCode: string;
  description: string;
  spec: string;
  unit: string;
  qty: string;
  unitPrice: string;
}

export interface InstallmentValues {
  key: string;
  id?: string;
  label: string;
  dueOn: string;
  amount: string;
}

export interface ContractFormValues {
  contractNo: string;
  customerId: string | null;
  title: string;
  kind: ContractKind;
  signedOn: string;
  startsOn: string;
  endsOn: string;
  /** Only for a framework agreement without lines: the amount typed by hand. */
  amount: string;
  paymentTerms: string;
  rebateTerms: string;
  notes: string;
  lines: LineValues[];
  installments: InstallmentValues[];
}

/**
 * What the form may change, from the contract's status (the service's rule,
 * shown before the clerk types instead of after): a draft everything; an
 * active contract its header text (reopen to change what was agreed); a
 * completed or terminated one only its notes.
 */
export type EditScope = 'all' | 'text' | 'notes';
export function editScopeOf(c: ContractDetail | undefined): EditScope {
  if (!c || c.status === 'draft') return 'all';
  return c.status === 'active' ? 'text' : 'notes';
}

let nextKey = 0;
export const newRowKey = (): string => `row-${++nextKey}`;

export const emptyLine = (): LineValues => ({
  key: newRowKey(),
  productId: null,
  productCode: '',
  description: '',
  spec: '',
  unit: '',
  qty: '',
  unitPrice: '',
});

/** A line nothing was typed into (a new contract starts with one). */
export const isBlankLine = (l: LineValues): boolean =>
  l.productId === null && [l.description, l.spec, l.unit, l.qty, l.unitPrice].every((v) => v.trim() === '');

export const emptyInstallment = (label = ''): InstallmentValues => ({ key: newRowKey(), label, dueOn: '', amount: '' });

export function emptyContractValues(customerId: string | null): ContractFormValues {
  return {
    contractNo: '',
    customerId,
    title: '',
    kind: 'sales',
    signedOn: '',
    startsOn: '',
    endsOn: '',
    amount: '',
    paymentTerms: '',
    rebateTerms: '',
    notes: '',
    lines: [emptyLine()],
    installments: [],
  };
}

export function contractToValues(c: ContractDetail): ContractFormValues {
  return {
    contractNo: c.contractNo,
    customerId: c.customerId,
    title: c.title,
    kind: c.kind,
    signedOn: c.signedOn ?? '',
    startsOn: c.startsOn ?? '',
    endsOn: c.endsOn ?? '',
    amount: c.amountManual ? fenToDecimalString(c.amountFen) : '',
    paymentTerms: c.paymentTerms,
    rebateTerms: c.rebateTerms,
    notes: c.notes,
    lines: c.lines.map((l) => ({
      key: newRowKey(),
      id: l.id,
      productId: l.productId,
      productCode: l.productCode ?? '',
      description: l.description,
      spec: l.spec,
      unit: l.unit,
      qty: formatThousandths(l.qtyThousandths),
      unitPrice: fenToDecimalString(l.unitPriceFen),
    })),
    installments: c.installments.map((i) => ({
      key: newRowKey(),
      id: i.id,
      label: i.label,
      dueOn: i.dueOn,
      amount: fenToDecimalString(i.amountFen),
    })),
  };
}

/** A framework agreement without lines is the only contract whose amount is typed. */
export const amountIsManual = (v: Pick<ContractFormValues, 'kind' | 'lines'>): boolean =>
  v.kind === 'framework' && v.lines.length === 0;

export const contractFormSchema = contractCreateSchema.extend({
  customerId: z.string().nullable().refine((v) => v !== null && v !== '', { error: '请选择客户' }),
  amount: amountTextField({ label: '合同金额', allowZero: true }),
  lines: z.array(contractLineInputSchema),
  installments: z.array(contractInstallmentInputSchema),
});

const schemaErrors = schemaResolver(contractFormSchema, { sync: true });

/**
 * The schema's messages plus the service's period rule. The period is checked
 * here rather than in a zod refinement because zod skips an object's
 * refinements while any field inside is invalid, and the clerk should see
 * "end before start" as soon as the dates are typed, not after the lines.
 */
export function validateContractForm(v: ContractFormValues): FormErrors {
  const errors = schemaErrors(v);
  if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) errors.endsOn = `不能早于开始日期 ${v.startsOn}`;
  return errors;
}

const orNull = (date: string): string | null => (date === '' ? null : date);

const linesInput = (v: ContractFormValues) =>
  v.lines.map((l) => ({
    id: l.id,
    productId: l.productId,
    description: l.description,
    spec: l.spec,
    unit: l.unit,
    qty: l.qty,
    unitPrice: l.unitPrice,
  }));

const installmentsInput = (v: ContractFormValues) =>
  v.installments.map((i) => ({ id: i.id, label: i.label, dueOn: i.dueOn, amount: i.amount }));

/** Everything a draft may change (create, or update of a draft). */
function agreedInput(v: ContractFormValues) {
  return {
    title: v.title,
    kind: v.kind,
    signedOn: orNull(v.signedOn),
    startsOn: orNull(v.startsOn),
    endsOn: orNull(v.endsOn),
    amount: amountIsManual(v) && v.amount.trim() !== '' ? v.amount : null,
    paymentTerms: v.paymentTerms,
    rebateTerms: v.rebateTerms,
    notes: v.notes,
    lines: linesInput(v),
    installments: installmentsInput(v),
  };
}

/** Only called after the form validated, so customerId is set. */
export function valuesToCreate(v: ContractFormValues): ContractCreateInput {
  return { ...agreedInput(v), contractNo: v.contractNo, customerId: v.customerId ?? '' };
}

/** Sends only what the contract's status lets change: the service refuses anything else. */
export function valuesToUpdate(c: ContractDetail, v: ContractFormValues): ContractUpdateInput {
  const base = { id: c.id, expectedUpdatedAt: c.updatedAt };
  switch (editScopeOf(c)) {
    case 'notes':
      return { ...base, notes: v.notes };
    case 'text':
      return { ...base, title: v.title, paymentTerms: v.paymentTerms, rebateTerms: v.rebateTerms, notes: v.notes };
    case 'all':
      return {
        ...base,
        ...agreedInput(v),
        customerId: v.customerId ?? c.customerId,
        // '' on an update means "unchanged"; a number fixed by activation is not sent at all.
        contractNo: c.contractNoEditable ? v.contractNo : undefined,
      };
  }
}
