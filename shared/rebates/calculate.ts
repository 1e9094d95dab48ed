/**
 * The rebate calculation (返利计算, issue 15 point 2): pure and exact.
 *
 * Attainment thresholds and rates are integers in millionths (ppm: 80% =
 * 800_000, 1% = 10_000), money in fen. Everything is computed in BigInt at the
 * scale fen × 10¹² (ppm × ppm), so a band boundary such as 80% of ¥12,345.67
 * (a fraction of a fen) is never rounded. The settlement line is rounded ONCE,
 * half up to the fen, after the tier rebate, the on-time rebate and the cap:
 * never per band (the help text says so).
 *
 * - whole (全额累进): base × rate of the highest reached tier, or that tier's
 *   fixed amount; nothing below the first tier.
 * - banded (超额分段): Σ rate_k × (the part of the base between a_k·T and
 *   a_{k+1}·T), the last band open-ended; fixed amounts are refused.
 */
export const PPM = 1_000_000;
const S = 1_000_000n;
const S2 = S * S;

export type RebateMode = 'whole' | 'banded';

export interface RebateTier {
  /** Attainment threshold, ppm of the target (800_000 = 80%). */
  attainmentPpm: number;
  /** Rate in ppm of the base (10_000 = 1%); null when the tier pays a fixed amount. */
  ratePpm: number | null;
  /** Fixed amount in fen (whole mode only); null when the tier pays a rate. */
  amountFen: number | null;
}

export interface RebatePolicy {
  mode: RebateMode;
  tiers: readonly RebateTier[];
  /** The most the period's rebate may total; null = no cap. */
  capFen: number | null;
  /** Rate in ppm on the amount collected within terms; null = none. */
  onTimeRatePpm: number | null;
}

export interface RebateInputs {
  targetFen: number;
  baseFen: number;
  /** Collected within terms in the period (the on-time rebate's base). */
  onTimeBaseFen: number;
}

export interface RebateBand {
  tierIndex: number;
  /** The part of the base in this band, exact, in fen (decimal text, may have fractions of a fen). */
  fromFen: string;
  toFen: string | null;
  ratePpm: number;
  /** Exact contribution in fen as decimal text. */
  amountFen: string;
}

export interface RebateResult {
  /** floor(base / target) in ppm. */
  attainmentPpm: number;
  /** Index of the highest tier reached, or null. */
  tierIndex: number | null;
  /** Exact tier rebate before the cap, fen as decimal text. */
  tierExactFen: string;
  /** Exact on-time rebate, fen as decimal text. */
  onTimeExactFen: string;
  /** Banded mode: each band's share; whole mode: the one applied tier. */
  bands: RebateBand[];
  capped: boolean;
  /** The settlement line: (tier + on-time), capped, rounded half up once. */
  earnedFen: number;
  /** The next tier to reach, with the base still missing (rounded up to the fen). */
  next: { tierIndex: number; attainmentPpm: number; gapFen: number } | null;
}

/** value / 10¹² fen as exact decimal text ("1234.5" fen). */
function scaledText(value: bigint): string {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  const whole = abs / S2;
  const frac = (abs % S2).toString().padStart(12, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
}

/** Half up to the fen, for a non-negative value at scale 10¹². */
function roundHalfUp(value: bigint): number {
  return Number((value + S2 / 2n) / S2);
}

/** The highest tier whose threshold the base reaches (B·10⁶ ≥ a·T), or null. */
export function reachedTier(tiers: readonly RebateTier[], targetFen: number, baseFen: number): number | null {
  let reached: number | null = null;
  const b = BigInt(baseFen) * S;
  tiers.forEach((t, i) => {
    if (b >= BigInt(t.attainmentPpm) * BigInt(targetFen)) reached = i;
  });
  return reached;
}

export function calculateRebate(policy: RebatePolicy, inputs: RebateInputs): RebateResult {
  const { targetFen, baseFen, onTimeBaseFen } = inputs;
  if (targetFen <= 0) throw new RangeError('target must be > 0');
  const T = BigInt(targetFen);
  const B = BigInt(Math.max(0, baseFen));
  const tierIndex = reachedTier(policy.tiers, targetFen, Math.max(0, baseFen));
  const bands: RebateBand[] = [];
  let tierExact = 0n;

  if (policy.mode === 'whole') {
    if (tierIndex !== null) {
      const t = policy.tiers[tierIndex];
      const amount = t.amountFen !== null ? BigInt(t.amountFen) * S2 : B * BigInt(t.ratePpm ?? 0) * S;
      tierExact = amount;
      bands.push({ tierIndex, fromFen: '0', toFen: null, ratePpm: t.ratePpm ?? 0, amountFen: scaledText(amount) });
    }
  } else {
    const bScaled = B * S; // fen × 10⁶, comparable to a·T
    policy.tiers.forEach((t, i) => {
      const lo = BigInt(t.attainmentPpm) * T;
      const nextTier = policy.tiers[i + 1];
      const hi = nextTier ? BigInt(nextTier.attainmentPpm) * T : null;
      const top = hi === null || bScaled < hi ? bScaled : hi;
      if (top <= lo) return;
      const amount = (top - lo) * BigInt(t.ratePpm ?? 0);
      tierExact += amount;
      bands.push({
        tierIndex: i,
        fromFen: scaledText(lo * S),
        toFen: hi === null ? null : scaledText(hi * S),
        ratePpm: t.ratePpm ?? 0,
        amountFen: scaledText(amount),
      });
    });
  }

  const onTimeExact = policy.onTimeRatePpm === null ? 0n : BigInt(Math.max(0, onTimeBaseFen)) * BigInt(policy.onTimeRatePpm) * S;
  let total = tierExact + onTimeExact;
  let capped = false;
  if (policy.capFen !== null && total > BigInt(policy.capFen) * S2) {
    total = BigInt(policy.capFen) * S2;
    capped = true;
  }

  const nextIndex = tierIndex === null ? 0 : tierIndex + 1;
  const nextTier = policy.tiers[nextIndex];
  let next: RebateResult['next'] = null;
  if (nextTier) {
    const needScaled = BigInt(nextTier.attainmentPpm) * T; // fen × 10⁶
    const needFen = (needScaled + S - 1n) / S; // the base must reach at least this many whole fen
    next = { tierIndex: nextIndex, attainmentPpm: nextTier.attainmentPpm, gapFen: Number(needFen - B) };
  }

  return {
    attainmentPpm: Number((B * S) / T),
    tierIndex,
    tierExactFen: scaledText(tierExact),
    onTimeExactFen: scaledText(onTimeExact),
    bands,
    capped,
    earnedFen: roundHalfUp(total),
    next,
  };
}

/**
 * The base at the period end if the pace so far continues: base × period
 * days ÷ elapsed days (floored to the fen). Before the period starts: 0;
 * after it ends: the base itself.
 */
export function projectedBaseFen(baseFen: number, periodDays: number, elapsedDays: number): number {
  if (elapsedDays <= 0) return 0;
  if (elapsedDays >= periodDays) return baseFen;
  return Number((BigInt(baseFen) * BigInt(periodDays)) / BigInt(elapsedDays));
}
