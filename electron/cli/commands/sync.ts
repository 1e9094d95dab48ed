/**
 * `sync --db PATH [--share DIR] [--name NAME] [--json]`: one complete round
 * (the first call with --share turns sync on, registers this PC and claims
 * its series letter; an empty database joins from the share).
 * `sync status --db PATH [--json]`: the same figures without syncing.
 *
 * --json prints exactly {"device","series","published","applied","devices",
 * "conflicts","errors"}: published/applied count changes (for status: the
 * totals so far), devices lists the other PCs as
 * {"id","name","series","lastSeenAt","behind"}, conflicts is the number of
 * open sync conflicts, errors lists {"device","file","message"}.
 * Exit 0 when the round ran (other PCs' bad files are in errors), 1 when
 * this PC could not sync at all. --snapshot also writes a snapshot of this
 * PC's data for new PCs to join from (an extension of the contract).
 *
 * `sync verify --db PATH [--json]`: 从日志重建核对, a fresh replay of every
 * segment on the share into a temporary database compared with this one
 * table by table. --json prints {"ok","vector","segments","changes","tables",
 * "differences":[{"table","onlyHere","onlyInReplay","examples"}],"problems",
 * "message"}. Exit 0 when equal, 1 when different or the check could not run.
 */
import path from 'node:path';
import type { SyncReport } from '../../services/sync/engine';
import { checkFlags, hasFlag, stringFlag, UsageError } from '../args';
import { printJson, type CliCommand, type CommandEnv } from '../command';

/** The sync engine is loaded by the sync commands only, not at every start (`--help` stays light). */
const syncService = async () => ({ ...(await import('../../services/sync/service')), ...(await import('../../services/sync/engine')) });

export function syncJson(r: SyncReport) {
  return {
    device: r.device,
    series: r.series,
    published: r.published,
    applied: r.applied,
    devices: r.devices.map((d) => ({ id: d.id, name: d.name, series: d.series, lastSeenAt: d.lastSeenAt, behind: d.behind })),
    conflicts: r.conflicts,
    errors: r.errors.map((e) => ({ device: e.device, file: e.file, message: e.message })),
  };
}

function printReport(env: CommandEnv, r: SyncReport, title: string): void {
  if (env.json) return printJson(env.io, syncJson(r));
  env.io.out(`${title}：本机 ${r.device || '（未启用）'}，系列字母 ${r.series ?? '—'}，发出 ${r.published} 条变更，收到 ${r.applied} 条变更，待处理冲突 ${r.conflicts} 个`);
  for (const d of r.devices) env.io.out(`  ${d.name}（${d.id}，${d.series ?? '—'}）最后同步 ${d.lastSeenAt ?? '—'}，落后 ${d.behind} 个数据段`);
  for (const e of r.errors) env.io.err(`  问题：${e.device} ${e.file}：${e.message}`);
}

export const syncCommand: CliCommand = {
  words: ['sync'],
  usage: 'sync --db PATH [--share DIR] [--name NAME] [--snapshot] [--json]',
  summary: '局域网同步：与共享文件夹同步一轮（首次使用 --share 启用同步并登记本机）',
  async run(env) {
    checkFlags(env.args, ['share', 'name', 'snapshot']);
    if (env.rest.length > 0) throw new UsageError(`多余的参数：${env.rest.join(' ')}`);
    const share = stringFlag(env.args, 'share');
    const rt = await env.runtime();
    const ctx = rt.context();
    const { runSync, statusOf, SyncUnavailableError } = await syncService();
    try {
      const report = await runSync(ctx, { folder: share === undefined ? undefined : path.resolve(share), name: stringFlag(env.args, 'name'), snapshot: hasFlag(env.args, 'snapshot') });
      printReport(env, report, '同步完成');
      return 0;
    } catch (e) {
      if (!(e instanceof SyncUnavailableError)) throw e;
      const status = await statusOf(ctx).catch(() => null);
      if (env.json) {
        printJson(env.io, syncJson({ ...(status ?? { device: '', series: null, devices: [], conflicts: 0 }), published: 0, applied: 0, errors: [{ device: status?.device ?? '', file: share ?? '', message: e.message }] }));
      }
      env.io.err(`错误：${e.message}`);
      return 1;
    }
  },
};

export const syncStatusCommand: CliCommand = {
  words: ['sync', 'status'],
  usage: 'sync status --db PATH [--json]',
  summary: '局域网同步状态：本机、其他电脑、落后多少、冲突与问题（不同步）',
  async run(env) {
    checkFlags(env.args, []);
    if (env.rest.length > 0) throw new UsageError(`多余的参数：${env.rest.join(' ')}`);
    const rt = await env.runtime();
    const { statusOf } = await syncService();
    printReport(env, await statusOf(rt.context()), '同步状态');
    return 0;
  },
};

export const syncVerifyCommand: CliCommand = {
  words: ['sync', 'verify'],
  usage: 'sync verify --db PATH [--json]',
  summary: '局域网同步核对：把共享文件夹中的全部日志重放到临时数据库，与本机数据逐表比较（不改动本机数据）',
  async run(env) {
    checkFlags(env.args, []);
    if (env.rest.length > 0) throw new UsageError(`多余的参数：${env.rest.join(' ')}`);
    const rt = await env.runtime();
    const { verifyNow } = await syncService();
    const v = await verifyNow(rt.context());
    if (env.json) {
      printJson(env.io, {
        ok: v.ok,
        vector: v.vector,
        segments: v.segments,
        changes: v.changes,
        tables: v.tables,
        differences: v.differences.map((d) => ({ table: d.table, onlyHere: d.onlyHere, onlyInReplay: d.onlyInReplay, examples: d.examples })),
        problems: v.problems,
        message: v.message,
      });
    } else {
      (v.ok ? env.io.out : env.io.err)(v.message);
      for (const p of v.problems) env.io.err(`  问题：${p}`);
    }
    return v.ok ? 0 : 1;
  },
};
