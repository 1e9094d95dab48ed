/**
 * The data of one statement PDF, gathered from the ledger, the company
 * profile, the customer's primary contact, the aging of the closing balance
 * and the statement settings. The lines are the ledger service's own
 * (customerLedger), so a statement can never disagree with the `ledger`
 * screen or CLI for the same period.
 */
import type { CustomerLedger } from '../../../shared/api/ledger';
import type { CompanyProfile } from '../../../shared/api/settings';
import { DEFAULT_DUE_BUCKETS, agingOf, validateBuckets, type AgingBucket } from '../../../shared/receivables/aging';
import type { ServiceContext } from '../context';
import { loadCustomerDocs } from '../ledger/docRows';
import { customerLedger } from '../ledger/customerLedger';
import { getCompanyLogo, getCompanyProfile } from '../settings/companyProfile';
import { readSetting } from '../settings/settingsStore';
import type { StatementAging, StatementCompany, StatementCustomer, StatementLine, StatementPdfData } from './pdf/types';
import { confirmationLine, getStatementSettings } from './settings';
import { linesDigest } from './verificationCode';

/** Everything but the number and its verification code, which are decided when the PDF is written. */
export type StatementDraft = Omit<StatementPdfData, 'statementNo' | 'verificationCode'> & {
  customerId: string;
  linesSha256: string;
};

/**
 * The due-basis aging buckets as configured under 设置 → 账龄 (settings key
 * 'aging', list 'due' — the aging area's store), so the statement ages the
 * balance in the same columns as the aging screens; a missing or invalid
 * list falls back to DESIGN §4's default, as the aging screens do.
 */
function dueBuckets(ctx: ServiceContext): readonly AgingBucket[] {
  const stored = readSetting<{ due?: AgingBucket[] }>(ctx, 'aging')?.value?.due;
  return Array.isArray(stored) && validateBuckets(stored).ok ? stored : DEFAULT_DUE_BUCKETS;
}

/** Aging of the closing balance on the due-date basis, replayed as of the period end (§4). */
export function closingAging(ctx: ServiceContext, customerId: string, asOf: string): StatementAging {
  const buckets = dueBuckets(ctx);
  const result = agingOf(loadCustomerDocs(ctx, customerId), asOf, 'due', buckets);
  return { labels: buckets.map((b) => b.label), bucketsFen: result.bucketsFen, unappliedFen: result.unappliedFen };
}

export function statementCompany(ctx: ServiceContext): StatementCompany {
  return companyForStatement(getCompanyProfile(ctx), getCompanyLogo(ctx));
}

/** The letterhead's company from a profile (saved, or typed and not yet saved: the preview). */
export function companyForStatement(
  p: Pick<CompanyProfile, 'companyName' | 'shortName' | 'address' | 'phone' | 'taxId' | 'bankName' | 'bankAccount'>,
  logo: { dataBase64: string } | null,
): StatementCompany {
  return {
    // An unset name is printed as a visible gap to fill in, never as a blank letterhead that looks finished.
    name: p.companyName || p.shortName || '（请在“设置 → 公司资料”中填写公司名称）',
    shortName: p.shortName,
    address: p.address,
    phone: p.phone,
    taxId: p.taxId,
    bankName: p.bankName,
    bankAccount: p.bankAccount,
    logoPng: logo ? Buffer.from(logo.dataBase64, 'base64') : null,
  };
}

function statementCustomer(ctx: ServiceContext, ledger: CustomerLedger): StatementCustomer {
  const contact = ctx.db
    .prepare(`SELECT name, mobile, phone FROM contacts WHERE customer_id = ? ORDER BY is_primary DESC, created_at LIMIT 1`)
    .get(ledger.customer.id) as { name: string; mobile: string; phone: string } | undefined;
  return {
    code: ledger.customer.code,
    name: ledger.customer.name,
    contactName: contact?.name ?? '',
    contactPhone: contact ? contact.mobile || contact.phone : '',
  };
}

export const toStatementLines = (ledger: CustomerLedger): StatementLine[] =>
  ledger.lines.map((l) => ({
    date: l.date,
    docNo: l.docNo,
    kind: l.kind,
    memo: l.memo,
    debitFen: l.debitFen,
    creditFen: l.creditFen,
    balanceFen: l.balanceFen,
  }));

/**
 * The statement of one customer and period. `company` can be passed in by a
 * batch so the profile and logo are read once, not per customer.
 */
export function draftStatement(
  ctx: ServiceContext,
  input: { customerId: string; from: string | null; to: string | null },
  company: StatementCompany = statementCompany(ctx),
): StatementDraft {
  const ledger = customerLedger(ctx, input);
  const lines = toStatementLines(ledger);
  const settings = getStatementSettings(ctx);
  return {
    customerId: ledger.customer.id,
    company,
    customer: statementCustomer(ctx, ledger),
    printDate: ctx.clock.today(),
    from: ledger.from,
    to: ledger.to,
    openingFen: ledger.openingFen,
    lines,
    totals: ledger.totals,
    closingFen: ledger.closingFen,
    aging: closingAging(ctx, ledger.customer.id, ledger.to),
    confirmationText: confirmationLine(settings),
    linesSha256: linesDigest(lines),
  };
}
