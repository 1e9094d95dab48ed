/**
 * Customer-file figures (issue 3 budgets): the first page of the customer
 * list on 5,000 customers, in the service (budget: median under 30 ms), and
 * the import of a 5,000-row .xlsx (budget: under 5 s).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { customerListSchema } from '../../../shared/api/customers';
import { seededRng } from '../../../shared/random';
import { AppRuntime } from '../../../electron/api/runtime';
import { generateDemoCustomers } from '../../../electron/services/demo/demoCustomers';
import { exportCustomersXlsx } from '../../../electron/services/customers/exportCustomers';
import { listCustomers } from '../../../electron/services/customers/search';
import { commitImport } from '../../../electron/services/imports/runImport';
import { cachePath, measure, type Figure } from '../harness';

const actor = { user: 'bench', device: 'bench' };

/** The large demo (5,000 customers with contacts and interactions), built once and cached. */
async function largeCustomerDb(): Promise<string> {
  const file = cachePath('customers-large-v1.db');
  if (fs.existsSync(file)) return file;
  const building = `${file}.building`;
  fs.rmSync(building, { force: true });
  const rt = await AppRuntime.start({ dbFile: building, actor });
  await generateDemoCustomers(rt.context(), seededRng(1), 'large');
  rt.close();
  fs.renameSync(building, file);
  return file;
}

export async function customerFigures(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const rt = await AppRuntime.start({ dbFile: await largeCustomerDb(), actor });
  const ctx = rt.context();
  const page = (input: Record<string, unknown>) => () => listCustomers(ctx, customerListSchema.parse({ limit: 50, ...input }));

  figures.push(await measure('customers.list first page (5,000 customers, no search)', 50, page({})));
  figures.push(await measure('customers.list first page, pinyin initials "hd"', 50, page({ search: 'hd' })));
  figures.push(await measure('customers.list first page, name "华东"', 50, page({ search: '华东' })));
  figures.push(await measure('customers.list first page, phone digits "1380"', 50, page({ search: '1380' })));
  // A search is matched once and every matching id kept (search.ts): the worst case is a word every customer matches.
  figures.push(await measure('customers.list first page, code "c" (all 5,000 match)', 50, page({ search: 'c' })));
  figures.push(await measure('customers.list first page, sorted by name desc', 50, page({ sort: { column: 'name', direction: 'desc' } })));
  figures.push(await measure('customers.list first page, sorted by last interaction', 50, page({ sort: { column: 'lastInteractionDate', direction: 'desc' } })));
  // The 余额 / 逾期 columns and the totals row (issue 16 point 6) come from the stored per-customer figures.
  figures.push(await measure('customers.list first page, sorted by 余额 desc', 50, page({ sort: { column: 'balanceFen', direction: 'desc' } })));
  figures.push(await measure('customers.list first page, sorted by 逾期 desc', 50, page({ sort: { column: 'overdueFen', direction: 'desc' } })));

  const exported = await exportCustomersXlsx(ctx, customerListSchema.parse({}));
  rt.close();

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dd-bench-cust-'));
  let n = 0;
  figures.push(
    await measure(
      'import 5,000-row customer .xlsx into an empty database (commit)',
      3,
      async () => {
        const target = await AppRuntime.start({ dbFile: path.join(dir, `import-${n++}.db`), actor });
        await commitImport(target.context(), { kind: 'customers', fileName: exported.fileName, dataBase64: exported.dataBase64 });
        target.close();
      },
      `${exported.rows} rows`,
    ),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return figures;
}
