/**
 * `npm run bench`: builds deterministic data (cached in tests/bench/.cache),
 * then prints one line per figure: name, median ms, runs. Budgets live in the
 * issues; nothing here asserts a time. `npm run bench -- <filter>` runs only
 * the groups whose name contains the filter.
 */
import { printFigure, type Figure } from './harness';
import { agingFigures } from './figures/aging';
import { alertFigures } from './figures/alerts';
import { customerFigures } from './figures/customers';
import { evaluationFigures } from './figures/evaluation';
import { foundationFigures } from './figures/foundation';
import { statementFigures } from './figures/statements';
import { ledgerFigures } from './figures/ledger';
import { safetyFigures } from './figures/safety';
import { syncFigures } from './figures/sync';
import { joinFigures } from './figures/join';
import { rebateFigures } from './figures/rebates';
import { glanceFigures } from './figures/glance';
import { cliFigures } from './figures/cli';

const groups: { name: string; run: () => Promise<Figure[]> }[] = [{ name: 'foundation', run: foundationFigures }];
groups.push({ name: 'customers', run: customerFigures });
groups.push({ name: 'alerts', run: alertFigures });
groups.push({ name: 'statements', run: statementFigures });
groups.push({ name: 'ledger', run: ledgerFigures });
groups.push({ name: 'aging', run: agingFigures });
groups.push({ name: 'safety', run: safetyFigures });
groups.push({ name: 'evaluation', run: evaluationFigures });
groups.push({ name: 'sync', run: syncFigures });
groups.push({ name: 'join', run: joinFigures });
groups.push({ name: 'rebates', run: rebateFigures });
groups.push({ name: 'glance', run: glanceFigures });
groups.push({ name: 'cli', run: cliFigures });

async function main(): Promise<void> {
  const filter = process.argv[2];
  console.log(`DealerDesk bench — Node ${process.version}, ${new Date().toISOString()}`);
  for (const g of groups) {
    if (filter && !g.name.includes(filter)) continue;
    console.log(`\n[${g.name}]`);
    for (const f of await g.run()) printFigure(f);
  }
}

void main();
