/** contracts.splitInstallments: the schedule amounts for percentages, parts adding up exactly. */
import type { InstallmentSplit } from '../../../shared/api/contracts';
import { splitByPercents } from '../../../shared/contracts/installmentSplit';
import { DomainError } from '../../../shared/errors';
import { fenToDecimalString } from '../../../shared/money/format';

export function splitInstallments(input: { amountFen: number; percents: (string | number)[] }): InstallmentSplit {
  const r = splitByPercents(input.amountFen, input.percents);
  if (!r.ok) throw new DomainError('validation', r.problem.message, r.problem.index === null ? 'percents' : `percents.${r.problem.index}`);
  return { amountsFen: r.amountsFen, amounts: r.amountsFen.map(fenToDecimalString) };
}
