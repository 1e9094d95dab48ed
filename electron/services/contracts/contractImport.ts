/**
 * Contract import (issue 4): one row per contract line; rows with the same
 * 合同号 (ignoring case) form one contract, wherever they are in the file.
 *
 * Header fields (客户编码, 合同名称, 类型, dates, 状态, 备注, terms, 合同金额)
 * belong to the contract: a value that differs from the contract's earlier
 * rows is an error on the later row. 合同号 and 客户编码 are required on every
 * row (the rule); the other header fields may be left blank on later
 * rows ("same as above"). A row with no line columns filled is a header-only
 * row (a framework agreement without lines). Every rule of the form applies
 * (line amounts, the framework-only manual amount, the period, activation
 * rules for a contract imported as 生效/完成), problems are reported on the
 * row and column they come from, and nothing is written unless the whole
 * file is clean. The ledger's credit check is not run: an import records
 * contracts that were signed already, it does not take a credit decision.
 */
import { sql } from 'kysely';
import type { ContractKind, ContractStatus } from '../../../shared/api/contractEnums';
import { CONTRACT_STATUS_LABELS } from '../../../shared/api/contractEnums';
import { formatFenPlain } from '../../../shared/money/format';
import { formatThousandths } from '../../../shared/money/quantity';
import { recordChange } from '../audit/recordChange';
import type { ServiceContext } from '../context';
import { mapImportRows, type MappedImportRow } from '../import/mapRows';
import type { RawTable } from '../import/readTable';
import type { ImportError, ImportWarning } from '../import/report';
import type { ImportKindHandler, PreparedImport } from '../imports/kinds';
import { CONTRACT_COLUMN_HEADER, CONTRACT_IMPORT_COLUMNS, CONTRACT_XLSX_COLUMNS, type ContractImportColumns } from './importColumns';
import { getContract } from './load';
import { CONTRACT_TABLES, insertContract, type NewContract } from './persist';
import { findContractReference } from './references';
import { activationProblems, checkPeriod, resolveAmount, resolveLines, type ContractProblem, type LineDraft, type ProductFacts } from './rules';
import { contractSnapshot } from './snapshot';
import { removeContractRows } from './removeContract';

type Row = MappedImportRow<ContractImportColumns>;
type Values = Row['values'];

/** Contract-level columns: one value per contract. */
const HEADER_KEYS = [
  'customer_code',
  'title',
  'kind',
  'signed_on',
  'starts_on',
  'ends_on',
  'status',
  'notes',
  'amount',
  'payment_terms',
  'rebate_terms',
] as const;
type HeaderKey = (typeof HEADER_KEYS)[number];
type HeaderValues = { [K in HeaderKey]: Values[K] };

const LINE_KEYS = ['product_code', 'description', 'spec', 'unit', 'qty', 'unit_price'] as const;

const TERMINATED_ON_IMPORT = '导入时合同已终止';

interface Group {
  contractNo: string;
  rows: Row[];
}

const lower = (s: string) => s.toLowerCase();
const shown = (v: unknown): string => (typeof v === 'number' ? String(v) : String(v ?? ''));

function groupRows(rows: readonly Row[]): Group[] {
  const groups = new Map<string, Group>();
  for (const row of rows) {
    const no = row.values.contract_no;
    if (typeof no !== 'string') continue;
    const key = lower(no);
    const group = groups.get(key) ?? { contractNo: no, rows: [] };
    group.rows.push(row);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** The contract's header: the first non-blank value per column, and the row it came from. */
function mergeHeader(group: Group, errors: ImportError[]): { values: HeaderValues; rowOf: Record<HeaderKey, number> } {
  const values = {} as HeaderValues;
  const rowOf = {} as Record<HeaderKey, number>;
  const first = group.rows[0].rowNumber;
  for (const key of HEADER_KEYS) {
    let value: HeaderValues[HeaderKey] = null;
    let from = first;
    for (const row of group.rows) {
      const v = row.values[key];
      if (v === null) continue;
      if (value === null) {
        value = v;
        from = row.rowNumber;
      } else if (key === 'customer_code' ? lower(String(v)) !== lower(String(value)) : v !== value) {
        const header = CONTRACT_COLUMN_HEADER[key];
        errors.push({
          row: row.rowNumber,
          column: header,
          message: `与第 ${from} 行（同一合同号 ${group.contractNo}）的${header}“${shown(value)}”不一致；同一合同各行的${header}必须相同，或留空`,
        });
      }
    }
    (values as Record<HeaderKey, unknown>)[key] = value;
    rowOf[key] = from;
  }
  return { values, rowOf };
}

const isLineRow = (v: Values): boolean => LINE_KEYS.some((k) => v[k] !== null);

interface CustomerFacts {
  id: string;
  code: string;
  archived: boolean;
}

interface ProductRowFacts extends ProductFacts {
  defaultPriceFen: number | null;
}

/** Codes are unique ignoring case (ASCII), as the customer and product files store them. */
function customersByCode(ctx: ServiceContext, codes: readonly string[]): Map<string, CustomerFacts> {
  const wanted = [...new Set(codes.map(lower))];
  const out = new Map<string, CustomerFacts>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = ctx.db.all(
      ctx.db.k.selectFrom('customers').select(['id', 'code', 'archived_at']).where(sql`lower(code)`, 'in', wanted.slice(i, i + 500)),
    );
    for (const r of rows) out.set(lower(r.code), { id: r.id, code: r.code, archived: r.archived_at !== null });
  }
  return out;
}

function productsByCode(ctx: ServiceContext, codes: readonly string[]): Map<string, ProductRowFacts> {
  const wanted = [...new Set(codes.map(lower))];
  const out = new Map<string, ProductRowFacts>();
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = ctx.db.all(
      ctx.db.k
        .selectFrom('products')
        .select(['id', 'code', 'name', 'spec', 'unit', 'default_price_fen', 'archived_at'])
        .where(sql`lower(code)`, 'in', wanted.slice(i, i + 500)),
    );
    for (const r of rows) {
      out.set(lower(r.code), {
        id: r.id,
        code: r.code,
        name: r.name,
        spec: r.spec,
        unit: r.unit,
        archived: r.archived_at !== null,
        defaultPriceFen: r.default_price_fen,
      });
    }
  }
  return out;
}

function contractNosTaken(ctx: ServiceContext, nos: readonly string[]): Set<string> {
  const taken = new Set<string>();
  const wanted = nos.map(lower);
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = ctx.db.all(
      ctx.db.k.selectFrom('contracts').select('contract_no').where(sql`lower(contract_no)`, 'in', wanted.slice(i, i + 500)),
    );
    for (const r of rows) taken.add(lower(r.contract_no));
  }
  return taken;
}

const LINE_FIELD_COLUMN: Record<string, string> = {
  productId: '产品编码',
  description: '品名',
  qty: '数量',
  unitPrice: '单价',
};

function prepareContracts(ctx: ServiceContext, table: RawTable): PreparedImport {
  const mapped = mapImportRows(table, CONTRACT_IMPORT_COLUMNS);
  const errors: ImportError[] = [...mapped.errors];
  const warnings: ImportWarning[] = [...mapped.warnings];
  const hasError = (row: number, column: string) => errors.some((e) => e.row === row && e.column === column);

  const groups = groupRows(mapped.rows);
  const customers = customersByCode(
    ctx,
    mapped.rows.flatMap((r) => (typeof r.values.customer_code === 'string' ? [r.values.customer_code] : [])),
  );
  const products = productsByCode(
    ctx,
    mapped.rows.flatMap((r) => (typeof r.values.product_code === 'string' ? [r.values.product_code] : [])),
  );
  const productsById = new Map([...products.values()].map((p) => [p.id, p]));
  const taken = contractNosTaken(ctx, groups.map((g) => g.contractNo));
  const valid: NewContract[] = [];

  for (const group of groups) {
    const errorsBefore = errors.length;
    const firstRow = group.rows[0].rowNumber;
    const { values: h, rowOf } = mergeHeader(group, errors);
    if (taken.has(lower(group.contractNo))) {
      errors.push({ row: firstRow, column: '合同号', message: `合同号“${group.contractNo}”已存在，不能重复导入` });
    }
    let customer: CustomerFacts | undefined;
    if (typeof h.customer_code === 'string') {
      customer = customers.get(lower(h.customer_code));
      if (!customer) {
        errors.push({ row: rowOf.customer_code, column: '客户编码', message: `客户编码“${h.customer_code}”不存在，请先建立或导入该客户` });
      } else if (customer.archived) {
        errors.push({ row: rowOf.customer_code, column: '客户编码', message: `客户 ${customer.code} 已归档，不能导入新合同；请先恢复该客户` });
      }
    }

    // Lines, in file order, remembering each one's row for messages.
    const lineRows: Row[] = [];
    const drafts: LineDraft[] = [];
    for (const row of group.rows) {
      const v = row.values;
      if (!isLineRow(v)) continue;
      let product: ProductRowFacts | undefined;
      if (typeof v.product_code === 'string') {
        product = products.get(lower(v.product_code));
        if (!product) errors.push({ row: row.rowNumber, column: '产品编码', message: `产品编码“${v.product_code}”不存在，请先建立或导入该产品` });
      }
      if (v.qty === null && !hasError(row.rowNumber, '数量')) errors.push({ row: row.rowNumber, column: '数量', message: '明细行必填' });
      const price = v.unit_price ?? product?.defaultPriceFen ?? null;
      if (price === null && !hasError(row.rowNumber, '单价')) {
        errors.push({ row: row.rowNumber, column: '单价', message: product ? `必填（产品 ${product.code} 没有默认单价）` : '明细行必填' });
      }
      if (v.product_code === null && v.description === null && !hasError(row.rowNumber, '品名')) {
        errors.push({ row: row.rowNumber, column: '品名', message: '请填写品名或产品编码' });
      }
      lineRows.push(row);
      drafts.push({
        productId: product?.id ?? null,
        description: v.description ?? '',
        spec: v.spec ?? '',
        unit: v.unit ?? '',
        qtyThousandths: v.qty ?? 1,
        unitPriceFen: price ?? 0,
      });
    }
    // Anything wrong so far makes the rule checks below meaningless (a missing qty is not a zero line).
    if (errors.length > errorsBefore || group.rows.some((r) => !r.ok) || !customer) continue;

    const kind: ContractKind = h.kind ?? 'sales';
    const status: ContractStatus = h.status ?? 'draft';
    const resolved = resolveLines(drafts, productsById);
    const amount = resolveAmount(kind, resolved.lines, h.amount);
    const problems: ContractProblem[] = [...checkPeriod(h.starts_on, h.ends_on), ...resolved.problems, ...amount.problems];
    if (status !== 'draft' && status !== 'terminated') {
      const activation = activationProblems({
        kind,
        signedOn: h.signed_on,
        lineCount: resolved.lines.length,
        amountFen: amount.amountFen,
        installments: [],
        startsOn: null,
        endsOn: null,
      });
      problems.push(
        ...activation.map((p) => ({ ...p, message: `状态为“${CONTRACT_STATUS_LABELS[status]}”的合同：${p.message}` })),
      );
    }
    for (const p of problems) {
      const m = /^lines\.(\d+)\.(\w+)$/.exec(p.field);
      if (m) {
        errors.push({ row: lineRows[Number(m[1])].rowNumber, column: LINE_FIELD_COLUMN[m[2]] ?? '数量', message: p.message });
      } else if (p.field === 'endsOn') errors.push({ row: rowOf.ends_on, column: '结束日期', message: p.message });
      else if (p.field === 'amount') errors.push({ row: rowOf.amount, column: '合同金额', message: p.message });
      else if (p.field === 'signedOn') errors.push({ row: firstRow, column: '签订日期', message: p.message });
      else errors.push({ row: lineRows[0]?.rowNumber ?? firstRow, column: p.field === 'lines' ? '数量' : '合同号', message: p.message });
    }
    if (errors.length > errorsBefore) continue;

    // An informational 金额 column that disagrees with qty × price is worth a look, not a refusal.
    resolved.lines.forEach((line, i) => {
      const given = lineRows[i].values.line_amount;
      if (given !== null && given !== line.amountFen) {
        warnings.push({
          row: lineRows[i].rowNumber,
          column: '金额',
          message: `金额 ${formatFenPlain(given)} 与 数量 ${formatThousandths(line.qtyThousandths)} × 单价 ${formatFenPlain(line.unitPriceFen)} = ${formatFenPlain(line.amountFen)} 不一致，已按后者导入`,
        });
      }
    });

    valid.push({
      contractNo: group.contractNo,
      customerId: customer.id,
      title: h.title ?? '',
      kind,
      signedOn: h.signed_on,
      startsOn: h.starts_on,
      endsOn: h.ends_on,
      amountFen: amount.amountFen,
      amountManual: amount.amountManual,
      paymentTerms: h.payment_terms ?? '',
      rebateTerms: h.rebate_terms ?? '',
      notes: h.notes ?? '',
      status,
      terminatedReason: status === 'terminated' ? TERMINATED_ON_IMPORT : null,
      importBatchId: null,
      lines: resolved.lines,
      installments: [],
    });
  }

  return {
    rows: mapped.dataRowCount,
    errors,
    warnings,
    write(batchId) {
      for (const c of valid) {
        const id = insertContract(ctx, { ...c, importBatchId: batchId });
        recordChange(ctx, {
          entity: 'contract',
          entityId: id,
          action: 'import',
          before: null,
          after: contractSnapshot(getContract(ctx, id)),
          tables: CONTRACT_TABLES,
        });
      }
      // Every data row went into some contract (all-or-nothing), so the rows written are all of them.
      return mapped.dataRowCount;
    },
  };
}

function contractsOfBatch(ctx: ServiceContext, batchId: string) {
  return ctx.db.all(ctx.db.k.selectFrom('contracts').select(['id', 'contract_no']).where('import_batch_id', '=', batchId).orderBy('id'));
}

export const contractImport: ImportKindHandler = {
  kind: 'contracts',
  label: '合同',
  templateColumns: CONTRACT_XLSX_COLUMNS,
  prepare: prepareContracts,
  undoBlockedReason(ctx, batchId) {
    const ref = findContractReference(ctx, { batchId });
    if (ref) {
      const c = ctx.db.first(ctx.db.k.selectFrom('contracts').select('contract_no').where('id', '=', ref.id));
      return `本批导入的合同 ${c?.contract_no ?? ref.id} 已有 ${ref.count} 条${ref.label}，不能撤销；如合同不再执行，请逐份终止`;
    }
    const attached = ctx.db.first(
      ctx.db.k
        .selectFrom('contract_attachments as a')
        .innerJoin('contracts as k', 'k.id', 'a.contract_id')
        .select('k.contract_no')
        .where('k.import_batch_id', '=', batchId),
    );
    if (attached) return `本批导入的合同 ${attached.contract_no} 已上传了附件，不能撤销；如合同不再执行，请逐份终止`;
    return null;
  },
  undo(ctx, batchId, reason) {
    const rows = contractsOfBatch(ctx, batchId);
    for (const row of rows) removeContractRows(ctx, row.id, reason);
    return rows.length;
  },
};
