import type { CliCommand } from '../command';
import { checkFlags } from '../args';
import { printJson } from '../command';

export const initCommand: CliCommand = {
  words: ['init'],
  usage: 'init --db PATH [--json]',
  summary: '创建数据库或升级到当前结构',
  async run(env) {
    checkFlags(env.args, []);
    const rt = await env.runtime();
    const status = rt.status();
    if (status.state !== 'ready') {
      env.io.err(`数据库不可用：${status.reason}`);
      return 1;
    }
    if (env.json) printJson(env.io, { db: status.dbFile, version: status.version });
    env.io.err(`数据库已就绪：${status.dbFile}`);
    return 0;
  },
};
