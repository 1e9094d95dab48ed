/**
 * The independent oracle of the rebate calculation: the formulas
 * restated with exact rationals (BigInt numerator/denominator), written
 * without the module's scaled integers. Shared by the unit property test and
 * the integration test on generated contracts.
 */
import type { RebatePolicy } from '../../shared/rebates/calculate';


interface Q {
  n: bigint;
  d: bigint;
}
const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
const q = (n: bigint, d = 1n): Q => {
  const g = gcd(n, d) || 1n;
  return d < 0n ? { n: -n / g, d: -d / g } : { n: n / g, d: d / g };
};
const add = (a: Q, b: Q) => q(a.n * b.d + b.n * a.d, a.d * b.d);
const sub = (a: Q, b: Q) => q(a.n * b.d - b.n * a.d, a.d * b.d);
const mul = (a: Q, b: Q) => q(a.n * b.n, a.d * b.d);
const cmp = (a: Q, b: Q) => {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
};
const min = (a: Q, b: Q) => (cmp(a, b) <= 0 ? a : b);
const max = (a: Q, b: Q) => (cmp(a, b) >= 0 ? a : b);
const pct = (ppm: number) => q(BigInt(ppm), 1_000_000n);
/** floor(x + 1/2) for x ≥ 0. */
const halfUp = (x: Q) => Number((2n * x.n + x.d) / (2n * x.d));

export function rebateOracle(policy: RebatePolicy, targetFen: number, baseFen: number, onTimeBaseFen: number) {
  const T = q(BigInt(targetFen));
  const B = q(BigInt(baseFen));
  const attainment = q(BigInt(baseFen), BigInt(targetFen));
  let k: number | null = null;
  policy.tiers.forEach((t, i) => {
    if (cmp(attainment, pct(t.attainmentPpm)) >= 0) k = i;
  });
  let tier = q(0n);
  if (policy.mode === 'whole') {
    if (k !== null) {
      const t = policy.tiers[k];
      tier = t.amountFen !== null ? q(BigInt(t.amountFen)) : mul(B, pct(t.ratePpm!));
    }
  } else {
    policy.tiers.forEach((t, i) => {
      const lo = mul(pct(t.attainmentPpm), T);
      const nextT = policy.tiers[i + 1];
      const top = nextT ? min(B, mul(pct(nextT.attainmentPpm), T)) : B;
      tier = add(tier, mul(pct(t.ratePpm!), max(q(0n), sub(top, lo))));
    });
  }
  let total = add(tier, policy.onTimeRatePpm === null ? q(0n) : mul(q(BigInt(onTimeBaseFen)), pct(policy.onTimeRatePpm)));
  if (policy.capFen !== null) total = min(total, q(BigInt(policy.capFen)));
  return { tierIndex: k, earnedFen: halfUp(total) };
}

