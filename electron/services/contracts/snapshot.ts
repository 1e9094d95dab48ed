/**
 * The audit snapshot of a contract: what was agreed (header, lines, schedule)
 * without ids and timestamps, so a history diff reads as "lines: … → …",
 * "amountFen: 300000 → 320000".
 */
import type { ContractAttachment, ContractDetail } from '../../../shared/api/contracts';

export function contractSnapshot(c: ContractDetail): Record<string, unknown> {
  return {
    contractNo: c.contractNo,
    customerId: c.customerId,
    customerCode: c.customerCode,
    title: c.title,
    kind: c.kind,
    status: c.status,
    signedOn: c.signedOn,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    amountFen: c.amountFen,
    amountManual: c.amountManual,
    paymentTerms: c.paymentTerms,
    rebateTerms: c.rebateTerms,
    notes: c.notes,
    terminatedReason: c.terminatedReason,
    lines: c.lines.map((l) => ({
      seq: l.seq,
      productId: l.productId,
      productCode: l.productCode,
      description: l.description,
      spec: l.spec,
      unit: l.unit,
      qtyThousandths: l.qtyThousandths,
      unitPriceFen: l.unitPriceFen,
      amountFen: l.amountFen,
    })),
    installments: c.installments.map((i) => ({ seq: i.seq, label: i.label, dueOn: i.dueOn, amountFen: i.amountFen })),
  };
}

export function attachmentSnapshot(a: ContractAttachment): Record<string, unknown> {
  return {
    attachment: {
      id: a.id,
      fileName: a.fileName,
      sha256: a.sha256,
      size: a.size,
      mime: a.mime,
      removedAt: a.removedAt,
      removedReason: a.removedReason,
    },
  };
}
