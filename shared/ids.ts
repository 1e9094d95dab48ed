/**
 * ULIDs: 48-bit millisecond time + 80 random bits, Crockford base32. Sortable
 * by creation time and unique across PCs, which LAN sync relies on. Within one
 * millisecond the random part is incremented so ids stay strictly increasing.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

let lastTime = -1;
let lastRandom: number[] = [];

// Random bytes drawn 4 KB at a time: one getRandomValues call per id cost more than the
// rest of the id when an import writes 200,000 of them (documents and audit rows).
const pool = new Uint8Array(4096);
let poolAt = pool.length;

function randomDigits(): number[] {
  if (poolAt + 16 > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolAt = 0;
  }
  const digits = new Array<number>(16);
  for (let i = 0; i < 16; i++) digits[i] = pool[poolAt++] & 31;
  return digits;
}

function increment(digits: number[]): number[] {
  const next = digits.slice();
  for (let i = next.length - 1; i >= 0; i--) {
    if (next[i] < 31) {
      next[i]++;
      return next;
    }
    next[i] = 0;
  }
  return randomDigits();
}

export function newId(nowMs: number = Date.now()): string {
  if (nowMs <= lastTime) {
    lastRandom = increment(lastRandom);
    nowMs = lastTime;
  } else {
    lastTime = nowMs;
    lastRandom = randomDigits();
  }
  let time = '';
  let t = nowMs;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  return time + lastRandom.map((d) => ALPHABET[d]).join('');
}
