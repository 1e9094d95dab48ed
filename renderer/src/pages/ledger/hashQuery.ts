/**
 * Query parameters after the route in the hash (`#/ledger/entry?customer=…`):
 * links from other screens preselect a customer or a kind. The router matches
 * the path only, so a page reads these once when it opens.
 */
export function hashQuery(name: string): string | null {
  const query = window.location.hash.split('?')[1] ?? '';
  return new URLSearchParams(query).get(name);
}
