/**
 * The letterhead as it will print, from the company profile as typed (not
 * yet saved) and the stored logo: the same letterhead function, page width,
 * margins and font as a statement (pdf/statementDoc.ts buildLetterheadDoc),
 * so the preview cannot drift from the paper.
 */
import type { z } from 'zod';
import type { letterheadPreviewSchema, StatementFile } from '../../../shared/api/statements';
import type { ServiceContext } from '../context';
import { getCompanyLogo } from '../settings/companyProfile';
import { companyForStatement } from './assemble';
import { statementFont } from './fontChoice';
import { renderPdf } from './pdf/renderPdf';
import { buildLetterheadDoc } from './pdf/statementDoc';
import { getStatementSettings } from './settings';

export async function letterheadPreview(ctx: ServiceContext, typed: z.output<typeof letterheadPreviewSchema>): Promise<StatementFile> {
  const settings = getStatementSettings(ctx);
  const font = statementFont(settings.fontPath);
  const company = companyForStatement({ ...typed, taxId: '', bankName: '', bankAccount: '' }, getCompanyLogo(ctx));
  const { bytes } = await renderPdf(buildLetterheadDoc(company, { orientation: settings.orientation, fontFamily: font.family }), font);
  return { fileName: '信头预览.pdf', mime: 'application/pdf', dataBase64: bytes.toString('base64') };
}
