import { describe, expect, it } from 'vitest';
import { compareDocs, sortDocs } from '../../../shared/receivables/order';
import { invoice, receipt } from './fixtures';

describe('document order (§4)', () => {
  it('orders by date first', () => {
    const later = invoice('a', '2024-02-01', 100);
    const earlier = receipt('b', '2024-01-31', 100);
    expect(sortDocs([later, earlier]).map((d) => d.id)).toEqual(['b', 'a']);
  });

  it('puts debits before credits on the same date, whatever the numbers say', () => {
    const r = receipt('r', '2024-01-05', 100, [], 'A');
    const i = invoice('i', '2024-01-05', 100, '2024-01-05', 'Z');
    expect(sortDocs([r, i]).map((d) => d.id)).toEqual(['i', 'r']);
  });

  it('compares document numbers as plain text by code unit ("10" < "9", "B" < "a")', () => {
    const nine = invoice('x1', '2024-01-05', 1, null, '9');
    const ten = invoice('x2', '2024-01-05', 1, null, '10');
    const lowerA = invoice('x3', '2024-01-05', 1, null, 'a');
    const upperB = invoice('x4', '2024-01-05', 1, null, 'B');
    expect(sortDocs([nine, lowerA, ten, upperB]).map((d) => d.docNo)).toEqual(['10', '9', 'B', 'a']);
  });

  it('orders the same number of different kinds by kind, whatever the ids (numbers are unique per kind only)', () => {
    const inv = invoice('id-2', '2024-01-05', 1, null, 'N1');
    const opening = { ...invoice('id-1', '2024-01-05', 1, null, 'N1'), kind: 'opening' as const };
    expect(sortDocs([opening, inv]).map((d) => d.kind)).toEqual(['invoice', 'opening']);
    expect(sortDocs([{ ...inv, id: 'id-0' }, { ...opening, id: 'id-9' }]).map((d) => d.kind)).toEqual(['invoice', 'opening']);
  });

  it('breaks full ties (same kind and number) by id so the order is total', () => {
    const a = invoice('id-2', '2024-01-05', 1, null, 'N1');
    const b = invoice('id-1', '2024-01-05', 1, null, 'N1');
    expect(sortDocs([a, b]).map((d) => d.id)).toEqual(['id-1', 'id-2']);
    expect(compareDocs(a, a)).toBe(0);
  });

  it('does not modify its input', () => {
    const input = [invoice('b', '2024-01-02', 1), invoice('a', '2024-01-01', 1)];
    sortDocs(input);
    expect(input.map((d) => d.id)).toEqual(['b', 'a']);
  });
});
