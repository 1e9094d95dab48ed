/**
 * The batch's single print file (合并打印): every statement of the batch in
 * one PDF, each starting on a new page, so the clerk prints the month with
 * one click.
 *
 * It is one pdfmake document built from the statements' own definitions
 * (the same content, page size and margins, hence the same page breaks)
 * rather than a concatenation of the PDF files, which would need a PDF
 * parser the app does not otherwise have. The header and footer dispatch
 * each page to its own statement, so every page still says 第 x 页 / 共 y 页
 * of its statement, with that statement's number and verification code. The
 * page count of every statement is known from rendering it alone; if the
 * merged document ever paginates differently the caller refuses the file
 * rather than print wrong page numbers.
 */
import type { PdfContent, PdfDocDefinition, PdfStackNode } from './pdf/types';

export interface MergePart {
  /**
   * Builds the statement's definition afresh: pdfmake writes its layout
   * results into the nodes it renders, so a definition already rendered on
   * its own must not be rendered again (it paginates differently).
   */
  build: () => PdfDocDefinition;
  /** Pages of this statement rendered on its own. */
  pages: number;
}

/** pdfmake's page break after the last node of every statement but the last. */
const newPageAfter = (node: PdfContent): PdfStackNode & { pageBreak: 'after' } => ({ stack: [node], pageBreak: 'after' });

export function mergeStatementDocs(inputs: readonly MergePart[], title: string): { doc: PdfDocDefinition; expectedPages: number } {
  if (inputs.length === 0) throw new RangeError('nothing to merge');
  const parts = inputs.map((p) => ({ doc: p.build(), pages: p.pages }));
  // Page (1-based, global) -> [part index, first global page of that part].
  const starts: number[] = [];
  let total = 0;
  for (const p of parts) {
    starts.push(total + 1);
    total += p.pages;
  }
  const locate = (page: number): { part: (typeof parts)[number]; local: number } => {
    let i = starts.length - 1;
    while (i > 0 && starts[i] > page) i--;
    return { part: parts[i], local: page - starts[i] + 1 };
  };

  // The statements one after another, each ending with a page break.
  const content: PdfContent[] = parts.flatMap((p, i) =>
    i === parts.length - 1 || p.doc.content.length === 0 ? p.doc.content : [...p.doc.content.slice(0, -1), newPageAfter(p.doc.content[p.doc.content.length - 1])],
  );
  const first = parts[0].doc;
  return {
    expectedPages: total,
    doc: {
      pageSize: first.pageSize,
      pageOrientation: first.pageOrientation,
      pageMargins: first.pageMargins,
      info: { ...first.info, title, subject: title },
      content,
      header: (page) => {
        const { part, local } = locate(page);
        return part.doc.header ? part.doc.header(local, part.pages) : null;
      },
      footer: (page) => {
        const { part, local } = locate(page);
        return part.doc.footer ? part.doc.footer(local, part.pages) : '';
      },
      // One company per batch: every statement refers to the same 'logo' image.
      images: first.images,
      defaultStyle: first.defaultStyle,
      styles: first.styles,
    },
  };
}
