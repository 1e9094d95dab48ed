/**
 * Password and recovery-code hashing with node:crypto scrypt (ROLES-NOTES
 * §3.1): N=2^17, r=8, p=1, 32-byte key, 16-byte salt, stored as a PHC-style
 * string `scrypt$ln=17,r=8,p=1$<salt>$<hash>` (base64). The async scrypt runs
 * on libuv's pool, so the main process never blocks for the ~¾ s a hash takes.
 * Verification reads the parameters from the stored string, so raising the
 * cost later keeps old hashes working; `needsRehash` tells login to upgrade.
 */
/** Node's crypto, loaded on first use: a command that never hashes (a read-only query) does not load it at start. */
const crypto = () => process.getBuiltinModule('node:crypto');

export const DEFAULT_SCRYPT_LN = 17;
let currentLn = DEFAULT_SCRYPT_LN;

/** Tests hash thousands of times; they lower the cost of NEW hashes (verification always follows the stored string). */
export function setScryptCostForTests(ln: number): void {
  currentLn = ln;
}
export const currentScryptLn = (): number => currentLn;

const scrypt = (secret: string, salt: Buffer, ln: number, r: number, p: number, keyLen: number) =>
  new Promise<Buffer>((resolve, reject) =>
    crypto().scrypt(secret.normalize('NFC'), salt, keyLen, { N: 2 ** ln, r, p, maxmem: 256 * 2 ** ln * r + 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );

export async function hashSecret(secret: string): Promise<string> {
  const salt = crypto().randomBytes(16);
  const key = await scrypt(secret, salt, currentLn, 8, 1, 32);
  return `scrypt$ln=${currentLn},r=8,p=1$${salt.toString('base64')}$${key.toString('base64')}`;
}

const PHC = /^scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const m = PHC.exec(stored);
  if (!m) return false;
  const expected = Buffer.from(m[5], 'base64');
  const key = await scrypt(secret, Buffer.from(m[4], 'base64'), Number(m[1]), Number(m[2]), Number(m[3]), expected.length);
  return key.length === expected.length && crypto().timingSafeEqual(key, expected);
}

export const needsRehash = (stored: string): boolean => Number(PHC.exec(stored)?.[1] ?? 0) < currentLn;

/** RFC 7914 §12 known answer: proves this runtime's scrypt is the real one before any password is trusted to it. */
export function scryptKnownAnswerOk(): boolean {
  const key = crypto().scryptSync('password', 'NaCl', 64, { N: 1024, r: 8, p: 16 });
  return (
    key.toString('hex') ===
    'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640'
  );
}

const BASE32 = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** 24 characters in groups of four (~120 bits), without look-alikes (0/O, 1/I). */
export function newRecoveryCode(): string {
  const bytes = crypto().randomBytes(24);
  const chars = [...bytes].map((b) => BASE32[b % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** What the user types back: case, spaces and dashes do not matter. */
export const normalizeRecoveryCode = (code: string): string => code.toUpperCase().replace(/[^A-Z0-9]/g, '');
