/**
 * openSpansOf with a document filter (an import builds only the spans of its
 * new documents and of those whose allocations changed, issue 17 point 4)
 * gives exactly the spans of the unfiltered call for the documents it keeps,
 * in the same order: on random histories (voids, back-dated documents,
 * explicit targets) with a random subset of their documents. Runs:
 * OPEN_SPANS_SCOPE_RUNS, 200 in CI.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openSpansOf } from '../../../shared/receivables/openSpans';
import { replay } from '../../../shared/receivables/replay';
import { historyArb } from './fixtures';

const RUNS = { numRuns: Number(process.env.OPEN_SPANS_SCOPE_RUNS ?? 200) };

describe('open spans of some documents', () => {
  it('equal every span of the customer filtered to those documents', () => {
    fc.assert(
      fc.property(
        historyArb({ maxDocs: 25 }).chain((docs) => fc.tuple(fc.constant(docs), fc.subarray(docs.map((d) => d.id)))),
        ([docs, kept]) => {
          const result = replay(docs, null);
          const only = new Set(kept);
          const scoped = openSpansOf(docs, result, (id) => only.has(id));
          expect(scoped).toEqual(openSpansOf(docs, result).filter((s) => only.has(s.docId)));
          // Not vacuous: the filter keeps every span of a kept document that has any.
          if (kept.length === docs.length) expect(scoped).toEqual(openSpansOf(docs, result));
        },
      ),
      RUNS,
    );
  });
});
