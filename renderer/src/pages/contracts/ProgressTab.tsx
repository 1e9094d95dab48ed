/**
 * The 进度 tab: what has been invoiced, received and is still open on the
 * contract, installment by installment — the ledger's own panel, so the
 * figures are the ledger's figures. An invoice number opens the document in
 * the ledger's drawer without leaving the contract.
 */
import { useState } from 'react';
import { ContractProgressPanel } from '../ledger/ContractProgressPanel';
import { DocumentDrawer } from '../ledger/document/DocumentDrawer';

export function ProgressTab({ contractId }: { contractId: string }) {
  const [docId, setDocId] = useState<string | null>(null);
  return (
    <>
      <ContractProgressPanel contractId={contractId} onOpenDocument={setDocId} />
      <DocumentDrawer docId={docId} onClose={() => setDocId(null)} onOpen={setDocId} />
    </>
  );
}
