import { checkFlags, requiredFlag, stringFlag, UsageError } from '../args';
import { printJson, type CliCommand } from '../command';

export const demoCommand: CliCommand = {
  words: ['demo'],
  usage: 'demo --db PATH --size small|medium|large [--seed N] [--json]',
  summary: '生成确定性的演示数据',
  async run(env) {
    checkFlags(env.args, ['size', 'seed']);
    const size = requiredFlag(env.args, 'size');
    // Loaded here, not at start-up: the generator pulls in the whole customer and ledger machinery.
    const { DEMO_SIZES, generateDemo } = await import('../../services/demo/generateDemo');
    if (!(DEMO_SIZES as readonly string[]).includes(size)) throw new UsageError(`--size 只能是 ${DEMO_SIZES.join('|')}`);
    const seedText = stringFlag(env.args, 'seed') ?? '1';
    if (!/^\d+$/.test(seedText)) throw new UsageError('--seed 必须是非负整数');
    const rt = await env.runtime();
    const summary = await generateDemo(rt, { size: size as (typeof DEMO_SIZES)[number], seed: Number(seedText) }, (msg) => env.io.err(msg));
    if (env.json) printJson(env.io, summary);
    env.io.err(`演示数据已生成（${size}，seed ${seedText}）`);
    return 0;
  },
};
