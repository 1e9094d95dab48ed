/**
 * The amount of one document line: quantity (thousandths) × unit price (fen),
 * rounded once, per line, to the fen.
 *
 * Rounding rule: half up, away from zero on .5 — a remainder of exactly half a
 * fen rounds to the larger magnitude (2.5 fen -> 3, -2.5 fen -> -3); anything
 * below half is dropped. This matches how invoices are computed by hand (四舍五入).
 *
 * The product can exceed 2^53 (a large quantity times a large price) before
 * the division, so the arithmetic is done in BigInt and is exact.
 */
export function lineAmountFen(qtyThousandths: number, unitPriceFen: number): number {
  if (!Number.isSafeInteger(qtyThousandths)) {
    throw new RangeError(`qtyThousandths must be a safe integer, got ${qtyThousandths}`);
  }
  if (!Number.isSafeInteger(unitPriceFen)) {
    throw new RangeError(`unitPriceFen must be a safe integer, got ${unitPriceFen}`);
  }
  const product = BigInt(qtyThousandths) * BigInt(unitPriceFen);
  const negative = product < 0n;
  const magnitude = negative ? -product : product;
  let fen = magnitude / 1000n;
  if ((magnitude % 1000n) * 2n >= 1000n) fen += 1n;
  const result = Number(negative ? -fen : fen);
  if (!Number.isSafeInteger(result)) {
    throw new RangeError(`line amount ${qtyThousandths}/1000 × ${unitPriceFen} fen exceeds the safe integer range`);
  }
  return result;
}
