/**
 * The rules a contract's parts must satisfy, in one place for the form
 * (create/update), the import and the demo: line amounts, the contract
 * amount, the schedule adding up, the period. Problems are returned with the
 * field path the UI shows them under (`lines.2.unitPrice`, `installments`),
 * so a caller can throw the first or report them all on an import row.
 */
import type { ContractKind } from '../../../shared/api/contracts';
import { DomainError } from '../../../shared/errors';
import { MAX_AMOUNT_FEN } from '../../../shared/api/customerEnums';
import { formatFen } from '../../../shared/money/format';
import { lineAmountFen } from '../../../shared/money/lineAmount';

export interface ContractProblem {
  field: string;
  message: string;
}

/** Throws the first problem as the validation error of its field. */
export function throwFirst(problems: readonly ContractProblem[]): void {
  const first = problems[0];
  if (first) throw new DomainError('validation', first.message, first.field);
}

/** A line after parsing, before its product is looked up. */
export interface LineDraft {
  id?: string;
  productId: string | null;
  description: string;
  spec: string;
  unit: string;
  qtyThousandths: number;
  unitPriceFen: number;
}

/** A line ready to store: texts filled in from the product, amount computed. */
export interface ResolvedLine extends LineDraft {
  amountFen: number;
}

export interface InstallmentDraft {
  /** The saved installment this one is (kept on save), or undefined for a new one. */
  id?: string;
  label: string;
  dueOn: string;
  amountFen: number;
}

export interface ProductFacts {
  id: string;
  code: string;
  name: string;
  spec: string;
  unit: string;
  archived: boolean;
}

/** qty × price; past the safe-integer range it is simply "too large", which the caller reports. */
function safeLineAmount(qtyThousandths: number, unitPriceFen: number): number {
  try {
    return lineAmountFen(qtyThousandths, unitPriceFen);
  } catch {
    return Number.MAX_SAFE_INTEGER;
  }
}

/**
 * Fills empty description/spec/unit from the chosen product and computes
 * each amount (qty × price, half up, once per line). `keepProductIds` are the
 * products already on the saved contract: an archived product may stay on a
 * line, but is not chosen anew.
 */
export function resolveLines(
  lines: readonly LineDraft[],
  products: ReadonlyMap<string, ProductFacts>,
  keepProductIds: ReadonlySet<string> = new Set(),
): { lines: ResolvedLine[]; problems: ContractProblem[] } {
  const problems: ContractProblem[] = [];
  const out: ResolvedLine[] = [];
  lines.forEach((line, i) => {
    let { description, spec, unit } = line;
    if (line.productId !== null) {
      const product = products.get(line.productId);
      if (!product) {
        problems.push({ field: `lines.${i}.productId`, message: `第 ${i + 1} 行的产品不存在（可能已被删除），请重新选择` });
      } else {
        if (product.archived && !keepProductIds.has(product.id)) {
          problems.push({ field: `lines.${i}.productId`, message: `第 ${i + 1} 行的产品 ${product.code} 已归档，不能再选用` });
        }
        description ||= product.name;
        spec ||= product.spec;
        unit ||= product.unit;
      }
    }
    if (description === '') problems.push({ field: `lines.${i}.description`, message: '请填写品名或选择产品' });
    const amountFen = safeLineAmount(line.qtyThousandths, line.unitPriceFen);
    if (amountFen > MAX_AMOUNT_FEN) {
      problems.push({ field: `lines.${i}.qty`, message: `第 ${i + 1} 行金额（数量 × 单价）超出上限 999,999,999,999.99` });
    }
    out.push({ ...line, description, spec, unit, amountFen });
  });
  return { lines: out, problems };
}

/**
 * The contract amount: the sum of the lines; or, for a framework agreement
 * without lines, the amount typed by hand (`manualFen`, null = none typed).
 */
export function resolveAmount(
  kind: ContractKind,
  lines: readonly ResolvedLine[],
  manualFen: number | null,
): { amountFen: number; amountManual: boolean; problems: ContractProblem[] } {
  if (lines.length > 0) {
    const sum = lines.reduce((s, l) => s + l.amountFen, 0);
    const problems: ContractProblem[] = [];
    if (sum > MAX_AMOUNT_FEN) problems.push({ field: 'lines', message: '明细合计超出上限 999,999,999,999.99' });
    if (manualFen !== null && manualFen !== sum) {
      problems.push({
        field: 'amount',
        message: `有明细的合同，金额等于明细合计 ${formatFen(sum)}，不能另外填写（现填 ${formatFen(manualFen)}）`,
      });
    }
    return { amountFen: sum, amountManual: false, problems };
  }
  if (kind === 'framework') return { amountFen: manualFen ?? 0, amountManual: manualFen !== null, problems: [] };
  if (manualFen !== null && manualFen !== 0) {
    return {
      amountFen: 0,
      amountManual: false,
      problems: [
        {
          field: 'amount',
          message: '只有没有明细的框架协议可以手工填写合同金额；销售合同和年度经销协议的金额是明细合计，请填写明细',
        },
      ],
    };
  }
  return { amountFen: 0, amountManual: false, problems: [] };
}

/** A schedule, if there is one, adds up to the contract amount exactly. */
export function checkInstallments(amountFen: number, installments: readonly InstallmentDraft[]): ContractProblem[] {
  if (installments.length === 0) return [];
  const total = installments.reduce((s, i) => s + i.amountFen, 0);
  if (total === amountFen) return [];
  const diff = total - amountFen;
  return [
    {
      field: 'installments',
      message: `付款计划合计 ${formatFen(total)} 与合同金额 ${formatFen(amountFen)} 不一致（${diff > 0 ? '多' : '少'} ${formatFen(Math.abs(diff))}），各期金额必须正好加起来等于合同金额`,
    },
  ];
}

export function checkPeriod(startsOn: string | null, endsOn: string | null): ContractProblem[] {
  if (startsOn !== null && endsOn !== null && endsOn < startsOn) {
    return [{ field: 'endsOn', message: `结束日期 ${endsOn} 不能早于开始日期 ${startsOn}` }];
  }
  return [];
}

/** What activation requires beyond the rules every save already checks. */
export function activationProblems(c: {
  kind: ContractKind;
  signedOn: string | null;
  lineCount: number;
  amountFen: number;
  installments: readonly InstallmentDraft[];
  startsOn: string | null;
  endsOn: string | null;
}): ContractProblem[] {
  const problems: ContractProblem[] = [];
  if (c.signedOn === null) problems.push({ field: 'signedOn', message: '生效前请填写签订日期' });
  if (c.kind === 'sales' && c.lineCount === 0) problems.push({ field: 'lines', message: '销售合同生效前至少要有一行明细' });
  problems.push(...checkPeriod(c.startsOn, c.endsOn), ...checkInstallments(c.amountFen, c.installments));
  return problems;
}
