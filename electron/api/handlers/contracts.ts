import type { contractMethods } from '../../../shared/api/contracts';
import { historyOf } from '../../services/audit/history';
import { addAttachment, getAttachmentFile, removeAttachment } from '../../services/contracts/attachments';
import { exportContractsXlsx } from '../../services/contracts/exportXlsx';
import { contractTotals, listContracts } from '../../services/contracts/list';
import { getContract } from '../../services/contracts/load';
import { nextContractNo } from '../../services/contracts/numbering';
import { splitInstallments } from '../../services/contracts/splitInstallments';
import { activateContract, completeContract, reopenContract, terminateContract } from '../../services/contracts/statusActions';
import { createContract, updateContract } from '../../services/contracts/write';
import type { HandlerMap } from './types';

export const contractHandlers: HandlerMap<keyof typeof contractMethods> = {
  'contracts.list': (ctx, input) => listContracts(ctx, input),
  'contracts.get': (ctx, input) => getContract(ctx, input.id),
  'contracts.totals': (ctx, input) => contractTotals(ctx, input),
  'contracts.nextNo': (ctx, input) => ({ contractNo: nextContractNo(ctx, input.signedOn) }),
  'contracts.create': (ctx, input) => createContract(ctx, input),
  'contracts.update': (ctx, input) => updateContract(ctx, input),
  'contracts.activate': (ctx, input) => activateContract(ctx, input),
  'contracts.complete': (ctx, input) => completeContract(ctx, input),
  'contracts.terminate': (ctx, input) => terminateContract(ctx, input),
  'contracts.reopen': (ctx, input) => reopenContract(ctx, input),
  'contracts.splitInstallments': (_ctx, input) => splitInstallments(input),
  'contracts.addAttachment': (ctx, input) => addAttachment(ctx, input),
  'contracts.removeAttachment': (ctx, input) => removeAttachment(ctx, input),
  'contracts.getAttachment': (ctx, input) => getAttachmentFile(ctx, input.attachmentId),
  'contracts.exportXlsx': (ctx, input) => exportContractsXlsx(ctx, input),
  'contracts.history': (ctx, input) => historyOf(ctx, 'contract', input.id),
};
