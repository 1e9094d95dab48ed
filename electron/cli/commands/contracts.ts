/**
 * `contracts` (list with amounts), `import contracts FILE` and
 * `export contracts FILE.xlsx`. The import command is the customer file's
 * generic one: same flags, same report on stdout, same exit codes.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ContractListInput, ContractListRow } from '../../../shared/api/contracts';
import { CONTRACT_DISPLAY_STATUS_LABELS } from '../../../shared/api/contractEnums';
import type { CustomerListRow, Page } from '../../../shared/api/customers';
import type { ExportFile } from '../../../shared/api/imports';
import { DomainError } from '../../../shared/errors';
import { formatFen } from '../../../shared/money/format';
import type { AppRuntime } from '../../api/runtime';
import { checkFlags, stringFlag, UsageError } from '../args';
import { printJson, type CliCommand, type CommandEnv } from '../command';
import { importCommand } from './importExport';

/** One contract as `contracts --json` prints it: the fields scripts rely on, in this order. */
export interface ContractJson {
  contractNo: string;
  customerCode: string;
  customerName: string;
  title: string;
  kind: ContractListRow['kind'];
  status: ContractListRow['status'];
  displayStatus: ContractListRow['displayStatus'];
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  amountFen: number;
}

const toJson = (r: ContractListRow): ContractJson => ({
  contractNo: r.contractNo,
  customerCode: r.customerCode,
  customerName: r.customerName,
  title: r.title,
  kind: r.kind,
  status: r.status,
  displayStatus: r.displayStatus,
  signedOn: r.signedOn,
  startsOn: r.startsOn,
  endsOn: r.endsOn,
  amountFen: r.amountFen,
});

/** The customer id of an exact code (ignoring case, as codes are unique). */
async function customerIdByCode(rt: AppRuntime, code: string): Promise<string> {
  const page = await rt.invoke<Page<CustomerListRow>>('customers.list', { search: code, includeArchived: true, limit: 1000 });
  const match = page.rows.find((c) => c.code.toLowerCase() === code.toLowerCase());
  if (!match) throw new DomainError('validation', `客户编码“${code}”不存在`, 'customer');
  return match.id;
}

function parseDays(text: string | undefined): number | null {
  if (text === undefined) return null;
  if (!/^\d+$/.test(text) || Number(text) > 3650) throw new UsageError('--ending-within 必须是 0–3650 的整数天数');
  return Number(text);
}

async function filterFrom(env: CommandEnv, rt: AppRuntime): Promise<Omit<ContractListInput, 'offset' | 'limit'>> {
  const code = stringFlag(env.args, 'customer');
  const endsWithinDays = parseDays(stringFlag(env.args, 'ending-within'));
  return {
    customerId: code === undefined ? null : await customerIdByCode(rt, code),
    endsWithinDays,
    search: stringFlag(env.args, 'search') ?? '',
    // Contracts about to end are read soonest first; otherwise in number order.
    sort: endsWithinDays === null ? { column: 'contractNo', direction: 'asc' } : { column: 'endsOn', direction: 'asc' },
  };
}

export const contractsListCommand: CliCommand = {
  words: ['contracts'],
  usage: 'contracts --db PATH [--customer CODE] [--ending-within DAYS] [--search TEXT] [--json]',
  summary: '列出合同及金额（--ending-within N：N 天内到期的生效合同）',
  async run(env) {
    checkFlags(env.args, ['customer', 'ending-within', 'search']);
    if (env.rest.length) throw new UsageError(`无法识别的参数：${env.rest.join(' ')}`);
    const rt = await env.runtime();
    const filter = await filterFrom(env, rt);
    const rows: ContractListRow[] = [];
    const PAGE = 1000;
    for (let offset = 0; ; offset += PAGE) {
      const page = await rt.invoke<Page<ContractListRow>>('contracts.list', { ...filter, offset, limit: PAGE });
      rows.push(...page.rows);
      if (page.rows.length < PAGE) break;
    }
    if (env.json) printJson(env.io, rows.map(toJson));
    else {
      for (const r of rows) {
        env.io.out(
          [r.contractNo, r.customerCode, r.customerName, CONTRACT_DISPLAY_STATUS_LABELS[r.displayStatus], r.endsOn ?? '-', formatFen(r.amountFen), r.title].join('\t'),
        );
      }
    }
    const total = rows.reduce((s, r) => s + r.amountFen, 0);
    env.io.err(`共 ${rows.length} 份合同，金额合计 ${formatFen(total)}`);
    return 0;
  },
};

export const importContractsCommand = importCommand('contracts');

export const exportContractsCommand: CliCommand = {
  words: ['export', 'contracts'],
  usage: 'export contracts FILE.xlsx --db PATH [--customer CODE] [--ending-within DAYS] [--search TEXT] [--json]',
  summary: '把合同导出为 .xlsx（每行一条明细，列与导入相同，可直接再导入；另附付款计划表）',
  async run(env) {
    checkFlags(env.args, ['customer', 'ending-within', 'search']);
    const file = env.rest[0];
    if (!file || env.rest.length > 1) throw new UsageError('请给出导出文件名：export contracts FILE.xlsx --db PATH');
    if (!/\.xlsx$/i.test(file)) throw new UsageError('导出文件名须以 .xlsx 结尾');
    const rt = await env.runtime();
    const exported = await rt.invoke<ExportFile>('contracts.exportXlsx', await filterFrom(env, rt));
    fs.writeFileSync(file, Buffer.from(exported.dataBase64, 'base64'));
    if (env.json) printJson(env.io, { kind: 'contracts', file: path.resolve(file), rows: exported.rows });
    env.io.err(`已导出 ${exported.rows} 行合同明细到 ${file}`);
    return 0;
  },
};

/** Everything contracts add to the CLI: registered in registry.ts with one line. */
export const contractCommands: CliCommand[] = [contractsListCommand, importContractsCommand, exportContractsCommand];
