import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT_LN,
  hashSecret,
  needsRehash,
  newRecoveryCode,
  normalizeRecoveryCode,
  scryptKnownAnswerOk,
  setScryptCostForTests,
  verifySecret,
} from '../../../electron/services/auth/passwordHash';

describe('scrypt password hashing', () => {
  it('passes the RFC 7914 known answer', () => {
    expect(scryptKnownAnswerOk()).toBe(true);
  });

  it('stores a PHC string at the production cost (N=2^17, r=8, p=1) that verifies only the right password', async () => {
    expect(DEFAULT_SCRYPT_LN).toBe(17);
    setScryptCostForTests(DEFAULT_SCRYPT_LN);
    const h = await hashSecret('老板的密码 2026');
    expect(h).toMatch(/^scrypt\$ln=17,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(await verifySecret('老板的密码 2026', h)).toBe(true);
    expect(await verifySecret('老板的密码 2027', h)).toBe(false);
    expect(needsRehash(h)).toBe(false);
    // Two hashes of one password differ (random salt).
    setScryptCostForTests(4);
    expect(await hashSecret('x')).not.toBe(await hashSecret('x'));
  }, 20_000);

  it('old hashes keep working after the cost is raised, and ask to be rehashed', async () => {
    setScryptCostForTests(4);
    const cheap = await hashSecret('pw-12345678');
    setScryptCostForTests(6);
    expect(await verifySecret('pw-12345678', cheap)).toBe(true);
    expect(needsRehash(cheap)).toBe(true);
    expect(await verifySecret('pw-12345678', 'garbage')).toBe(false);
  });

  it('recovery codes: 24 unambiguous characters in groups; typed back in any case and spacing', () => {
    const c = newRecoveryCode();
    expect(c).toMatch(/^[A-HJ-NP-Z2-9]{4}(-[A-HJ-NP-Z2-9]{4}){5}$/);
    expect(normalizeRecoveryCode(c.toLowerCase().replace(/-/g, ' '))).toBe(c.replace(/-/g, ''));
    expect(new Set(Array.from({ length: 50 }, newRecoveryCode)).size).toBe(50);
  });
});
