/** File types recognised by their first bytes, never by the name a user gave them. */
export type KnownMime = 'image/png' | 'image/jpeg' | 'application/pdf';

export function sniffMime(bytes: Uint8Array): KnownMime | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf';
  return null;
}

export const extensionOf = (mime: KnownMime): string =>
  ({ 'image/png': 'png', 'image/jpeg': 'jpg', 'application/pdf': 'pdf' })[mime];
