/** All CLI commands. Areas add theirs here. */
import type { CliCommand } from './command';
import { agingCommand } from './commands/aging';
import { alertsCommand } from './commands/alerts';
import { backupCommand, restoreCommand } from './commands/backup';
import { contractCommands } from './commands/contracts';
import { demoCommand } from './commands/demo';
import { salespeopleCommand, scorecardCommand } from './commands/evaluation';
import { exportCustomersCommand, exportProductsCommand, importCustomersCommand, importProductsCommand } from './commands/importExport';
import { initCommand } from './commands/init';
import { ledgerCommand, ledgerImportCommands } from './commands/ledger';
import { settingsGetCommand, settingsSetCommand } from './commands/settings';
import { statementCommand } from './commands/statement';
import { userCommands } from './commands/users';
import { syncCommand, syncStatusCommand, syncVerifyCommand } from './commands/sync';
import { importRebatePoliciesCommand, rebatesCommand, rebatesSettleCommand } from './commands/rebates';

export const commands: CliCommand[] = [initCommand, settingsGetCommand, settingsSetCommand, demoCommand];
commands.push(importCustomersCommand, importProductsCommand, exportCustomersCommand, exportProductsCommand);
commands.push(...contractCommands);
commands.push(ledgerCommand, ...ledgerImportCommands);
commands.push(statementCommand);
commands.push(alertsCommand);
commands.push(agingCommand);
commands.push(backupCommand, restoreCommand);
commands.push(scorecardCommand, salespeopleCommand);
commands.push(...userCommands);
commands.push(syncCommand, syncStatusCommand, syncVerifyCommand);
commands.push(rebatesCommand, rebatesSettleCommand, importRebatePoliciesCommand);

/** The command whose words prefix the positionals best (longest match). */
export function findCommand(positionals: readonly string[]): CliCommand | undefined {
  return commands
    .filter((c) => c.words.every((w, i) => positionals[i] === w))
    .sort((a, b) => b.words.length - a.words.length)[0];
}
