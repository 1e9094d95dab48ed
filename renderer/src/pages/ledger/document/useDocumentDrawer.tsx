/** The document drawer as a hook: a page calls open(id) from a row click and renders `drawer` once. */
import { useState } from 'react';
import { DocumentDrawer } from './DocumentDrawer';

export function useDocumentDrawer() {
  const [docId, setDocId] = useState<string | null>(null);
  return {
    open: setDocId,
    drawer: <DocumentDrawer docId={docId} onClose={() => setDocId(null)} onOpen={setDocId} />,
  };
}
