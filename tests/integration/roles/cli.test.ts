/** Issue 13 point 8: the CLI's login and its users / approvals / exceptions / close-period commands, to the letter. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../electron/cli/main';
import { PASSWORD } from './helpers';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function cli(env: Record<string, string>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (s) => out.push(s), err: (s) => err.push(s) }, env);
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}
const dbPath = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-cli13-'));
  dirs.push(d);
  return path.join(d, 'cli.db');
};
const asBoss = { DEALERDESK_PASSWORD: PASSWORD };

describe('CLI with users', () => {
  it('a database with no users behaves as before; the first user must be a boss and needs no login', async () => {
    const db = dbPath();
    expect((await cli({}, 'settings', 'set', '--db', db, 'companyName=测试公司')).code).toBe(0);
    const clerkFirst = await cli({ DEALERDESK_NEW_PASSWORD: PASSWORD }, 'users', 'add', '--db', db, '--name', 'wenyuan', '--role', 'clerk');
    expect(clerkFirst.code).toBe(1);
    expect(clerkFirst.stderr).toContain('第一个用户必须是老板');
    const noPassword = await cli({}, 'users', 'add', '--db', db, '--name', 'laoban', '--role', 'boss');
    expect(noPassword.code).toBe(2);
    expect(noPassword.stderr).toContain('DEALERDESK_NEW_PASSWORD');
    const boss = await cli({ DEALERDESK_NEW_PASSWORD: PASSWORD }, 'users', 'add', '--db', db, '--name', 'laoban', '--role', 'boss', '--display', '王老板', '--json');
    expect(boss.code).toBe(0);
    expect(JSON.parse(boss.stdout)).toMatchObject({ username: 'laoban', displayName: '王老板', role: 'boss', disabled: false });
    expect(JSON.parse(boss.stdout).recoveryCode).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){5}$/);
  });

  it('once users exist, writes need --user and the password; reads do not; roles are enforced', async () => {
    const db = dbPath();
    await cli({ DEALERDESK_NEW_PASSWORD: PASSWORD }, 'users', 'add', '--db', db, '--name', 'laoban', '--role', 'boss');
    const anonymousWrite = await cli({}, 'settings', 'set', '--db', db, 'companyName=某公司');
    expect(anonymousWrite.code).toBe(1);
    expect(anonymousWrite.stderr).toContain('--user');
    expect((await cli({}, 'settings', 'get', '--db', db, '--json')).code).toBe(0);
    const wrong = await cli({ DEALERDESK_PASSWORD: 'not-the-password' }, 'settings', 'set', '--db', db, 'companyName=某公司', '--user', 'laoban');
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('用户名或密码不正确');
    expect((await cli(asBoss, 'settings', 'set', '--db', db, 'companyName=某公司', '--user', 'laoban')).code).toBe(0);

    const badRole = await cli({ ...asBoss, DEALERDESK_NEW_PASSWORD: PASSWORD }, 'users', 'add', '--db', db, '--name', 'x', '--role', 'admin', '--user', 'laoban');
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toContain('角色只能是');
    expect((await cli({ DEALERDESK_NEW_PASSWORD: PASSWORD }, 'users', 'add', '--db', db, '--name', 'wenyuan', '--role', 'clerk')).code).toBe(1);
    expect((await cli({ ...asBoss, DEALERDESK_NEW_PASSWORD: PASSWORD }, 'users', 'add', '--db', db, '--name', 'wenyuan', '--role', 'clerk', '--user', 'laoban')).code).toBe(0);
    expect((await cli({ ...asBoss, DEALERDESK_NEW_PASSWORD: PASSWORD }, 'users', 'add', '--db', db, '--name', 'kuaiji', '--role', 'accountant', '--user', 'laoban')).code).toBe(0);
    const list = await cli(asBoss, 'users', 'list', '--db', db, '--user', 'laoban', '--json');
    expect(JSON.parse(list.stdout).map((u: { username: string }) => u.username).sort()).toEqual(['kuaiji', 'laoban', 'wenyuan']);
    const clerkLists = await cli(asBoss, 'users', 'list', '--db', db, '--user', 'wenyuan');
    expect(clerkLists.code).toBe(1);
    expect(clerkLists.stderr).toContain('无权');

    // close-period: the clerk may not; the accountant may; a future date is refused; --user is required.
    expect((await cli(asBoss, 'close-period', '--db', db, '--through', '2026-01-31')).code).toBe(2);
    expect((await cli(asBoss, 'close-period', '--db', db, '--through', '2026-01-31', '--user', 'wenyuan')).code).toBe(1);
    const future = await cli(asBoss, 'close-period', '--db', db, '--through', '2999-01-31', '--user', 'kuaiji');
    expect(future.code).toBe(1);
    expect(future.stderr).toContain('不能晚于今天');
    const closed = await cli(asBoss, 'close-period', '--db', db, '--through', '2026-01-31', '--user', 'kuaiji', '--json');
    expect(closed.code).toBe(0);
    expect(JSON.parse(closed.stdout)).toEqual({ closedThrough: '2026-01-31' });

    expect((await cli(asBoss, 'users', 'disable', '--db', db, '--name', 'laoban', '--user', 'laoban')).code).toBe(1);
    expect((await cli({ ...asBoss, DEALERDESK_NEW_PASSWORD: 'reset-pass-1' }, 'users', 'reset-password', '--db', db, '--name', 'wenyuan', '--user', 'laoban')).code).toBe(0);
    expect((await cli({ DEALERDESK_PASSWORD: 'reset-pass-1' }, 'settings', 'get', '--db', db, '--user', 'wenyuan')).code).toBe(0);
    expect((await cli(asBoss, 'users', 'disable', '--db', db, '--name', 'wenyuan', '--user', 'laoban')).code).toBe(0);
    const disabled = await cli({ DEALERDESK_PASSWORD: 'reset-pass-1' }, 'settings', 'get', '--db', db, '--user', 'wenyuan');
    expect(disabled.code).toBe(1);
    expect(disabled.stderr).toContain('已停用');
  });

  it('exceptions --json prints exactly the contract fields; approvals list --json lists requests', async () => {
    const db = dbPath();
    await cli({ DEALERDESK_NEW_PASSWORD: PASSWORD }, 'users', 'add', '--db', db, '--name', 'laoban', '--role', 'boss');
    const csv = path.join(path.dirname(db), 'c.csv');
    fs.writeFileSync(csv, '客户编码,客户名称\nC0001,成都甲商贸有限公司\n');
    expect((await cli(asBoss, 'import', 'customers', csv, '--db', db, '--user', 'laoban')).code).toBe(0);
    const inv = path.join(path.dirname(db), 'i.csv');
    fs.writeFileSync(inv, '单号,客户编码,日期,金额\nYS-1,C0001,2026-01-05,100.00\n');
    expect((await cli(asBoss, 'import', 'invoices', inv, '--db', db, '--user', 'laoban')).code).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    const r = await cli({}, 'exceptions', '--db', db, '--from', '2026-01-01', '--to', today > '2026-12-31' ? today : '2026-12-31', '--json');
    expect(r.code).toBe(0);
    const lines = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(Object.keys(l)).toEqual(['at', 'user', 'action', 'entity', 'docNo', 'customerCode', 'amountFen', 'reason', 'approvedBy']);
    expect(lines.find((l) => l.action === 'backdated')).toMatchObject({ user: 'laoban', entity: 'ar_document', docNo: 'YS-1', customerCode: 'C0001', amountFen: 10_000, approvedBy: 'laoban' });
    const approvals = await cli({}, 'approvals', 'list', '--db', db, '--json');
    expect(approvals.code).toBe(0);
    expect(JSON.parse(approvals.stdout)).toEqual([]);
  });
});
