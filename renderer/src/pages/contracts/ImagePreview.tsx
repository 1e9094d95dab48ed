/** A scanned image shown in place (the CSP allows data: images; PDFs are saved and opened outside). */
import { Image, Modal } from '@mantine/core';

export function ImagePreview({ name, url, onClose }: { name: string; url: string; onClose(): void }) {
  return (
    <Modal opened onClose={onClose} title={name} size="xl" centered data-testid="image-preview">
      <Image src={url} alt={name} fit="contain" mah="75vh" />
    </Modal>
  );
}
