/**
 * Splitting a total into parts (installments by percentage, a rebate over
 * invoices) so that the parts add up to the total exactly, fen for fen.
 * Rounding each part on its own would lose or invent a fen.
 */

/**
 * Parts proportional to non-negative integer weights ([30, 70], basis points,
 * line amounts). Each part is its exact share rounded down; the fen left over
 * go one each to the parts with the largest remainders, ties to the earlier
 * part. Hence every part is within 1 fen of its exact share and a weight of 0
 * gets 0. A negative total is split as its magnitude and the parts negated.
 * BigInt keeps total × weight exact beyond 2^53.
 */
export function splitByLargestRemainder(totalFen: number, weights: number[]): number[] {
  if (!Number.isSafeInteger(totalFen)) throw new RangeError(`totalFen must be a safe integer, got ${totalFen}`);
  if (weights.length === 0) throw new RangeError('weights must not be empty');
  for (const w of weights) {
    if (!Number.isSafeInteger(w) || w < 0) {
      throw new RangeError(`weights must be non-negative safe integers, got ${w}`);
    }
  }
  const weightSum = weights.reduce((sum, w) => sum + BigInt(w), 0n);
  if (weightSum === 0n) throw new RangeError('weights must not all be zero');

  const negative = totalFen < 0;
  const total = BigInt(Math.abs(totalFen));
  const floors: bigint[] = [];
  const remainders: bigint[] = [];
  for (const w of weights) {
    const exact = total * BigInt(w);
    floors.push(exact / weightSum);
    remainders.push(exact % weightSum);
  }
  let leftover = total - floors.reduce((sum, f) => sum + f, 0n);

  // Stable order: larger remainder first, then lower index.
  const order = weights.map((_, i) => i);
  order.sort((a, b) => {
    const ra = remainders[a];
    const rb = remainders[b];
    if (ra !== rb) return ra > rb ? -1 : 1;
    return a - b;
  });
  for (const i of order) {
    if (leftover === 0n) break;
    floors[i] += 1n;
    leftover -= 1n;
  }
  // `|| 0` turns -0 into 0 for zero parts of a negative total.
  return floors.map((f) => (negative ? -Number(f) : Number(f)) || 0);
}

/** n parts as equal as possible; the earlier parts take the extra fen (100 / 3 -> 34, 33, 33). */
export function splitEvenly(totalFen: number, n: number): number[] {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  return splitByLargestRemainder(totalFen, new Array<number>(n).fill(1));
}
