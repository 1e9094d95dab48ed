/**
 * 人民币大写 (the amount in words printed on statements, receipts and bills),
 * from integer fen. Pure string work on integer digits: no floats anywhere.
 *
 * The writing follows the People's Bank rules for settlement documents
 * (正确填写票据和结算凭证的基本规定). Where those rules let 零 be written or left
 * out (a 0 at the 万 or 元 position followed by a non-zero digit), this project
 * always writes it, once. The complete rule this function implements:
 *
 *   Read the digits from the highest non-zero one down to 分, each at its
 *   position (仟佰拾 within a section, sections 亿 / 万 / the yuan section, then
 *   角 and 分).
 *   1. A non-zero digit is written with its position word: 壹拾, 叁佰, 伍角 …
 *      (拾 is always preceded by its digit: 10 is 壹拾元整, never 拾元整).
 *   2. After a section whose digits are not all zero, its section word is
 *      written (亿, 万). 元 is written after the yuan digits whenever the yuan
 *      part is not zero — also when its own section is all zeros (壹亿元整).
 *   3. Every maximal run of zeros that lies BETWEEN two non-zero digits yields
 *      exactly one 零, written immediately before the next non-zero digit, i.e.
 *      after any section word or 元 that falls inside the run:
 *        1,001.10     壹仟零壹元壹角        (zeros inside a section)
 *        10,010,000   壹仟零壹万元整        (run inside the 万 section)
 *        107,000      壹拾万零柒仟元整      (0 at the 万 position, written)
 *        100,010      壹拾万零壹拾元整      (one 零 for a run across 万)
 *        1,680.32     壹仟陆佰捌拾元零叁角贰分 (0 at the 元 position, written)
 *        100,000.10   壹拾万元零壹角        (run from 万 to 元, after 元)
 *        10.05        壹拾元零伍分          (0 at 元 and 角: one 零 after 元)
 *   4. Zeros after the last non-zero digit write nothing, and zeros before the
 *      first non-zero digit write nothing (0.05 is 伍分, not 零元零伍分).
 *   5. 整 follows 元 when 角 and 分 are both 0, and never follows 角 or 分.
 *      Zero is 零元整. A negative amount is prefixed 负 (the caller decides
 *      whether to also print 人民币 in front).
 * Amounts up to 999,999,999,999.99 (玖仟玖佰…亿 …) are accepted; anything
 * larger, or a non-integer fen value, throws a RangeError: a wrong 大写 on a
 * signed document is worse than none.
 */

const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;
/** Position word inside a four-digit section, indexed by position % 4. */
const IN_SECTION = ['', '拾', '佰', '仟'] as const;
/** Section word, indexed by Math.floor(position / 4). */
const SECTION = ['', '万', '亿'] as const;

/** 999,999,999,999.99 yuan in fen: twelve yuan digits, the most three sections hold. */
export const RMB_UPPERCASE_MAX_FEN = 99_999_999_999_999;

export function rmbUppercase(fen: number): string {
  if (!Number.isSafeInteger(fen)) {
    throw new RangeError(`人民币大写 needs an integer amount in fen, got ${fen}`);
  }
  const abs = Math.abs(fen);
  if (abs > RMB_UPPERCASE_MAX_FEN) {
    throw new RangeError(`人民币大写 supports amounts up to 999,999,999,999.99, got ${fen} fen`);
  }
  if (abs === 0) return '零元整';

  const yuan = Math.trunc(abs / 100);
  const jiao = Math.trunc(abs / 10) % 10;
  const fenDigit = abs % 10;

  let out = '';
  // True once a non-zero digit has been written: zeros before it are leading (rule 4).
  let started = false;
  // True while inside a run of zeros that follows a written digit (rule 3).
  let zeroRun = false;

  const writeDigit = (digit: number, positionWord: string): void => {
    if (digit === 0) {
      if (started) zeroRun = true;
      return;
    }
    if (zeroRun) out += '零';
    out += DIGITS[digit] + positionWord;
    started = true;
    zeroRun = false;
  };

  if (yuan > 0) {
    const yuanDigits = String(yuan);
    let sectionHasDigit = false;
    for (let i = 0; i < yuanDigits.length; i++) {
      const position = yuanDigits.length - 1 - i;
      const digit = yuanDigits.charCodeAt(i) - 48;
      writeDigit(digit, IN_SECTION[position % 4]);
      if (digit !== 0) sectionHasDigit = true;
      if (position % 4 === 0) {
        // End of a section: its word only if it held a digit (rule 2); a zero
        // run in progress keeps running across the section boundary.
        if (sectionHasDigit) out += SECTION[position / 4];
        sectionHasDigit = false;
      }
    }
    out += '元';
  }

  writeDigit(jiao, '角');
  writeDigit(fenDigit, '分');
  if (jiao === 0 && fenDigit === 0) out += '整';

  return fen < 0 ? `负${out}` : out;
}
