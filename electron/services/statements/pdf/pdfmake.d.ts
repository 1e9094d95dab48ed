/**
 * The part of pdfmake 0.3's server API that renderPdf.ts calls. pdfmake ships
 * no typings; this keeps the import typed without a community package that
 * describes 0.2 (where the module exported a PdfPrinter class instead of a
 * ready instance).
 */
declare module 'pdfmake' {
  interface PdfMakeFontFaces {
    normal: string;
    bold: string;
    italics: string;
    bolditalics: string;
  }
  interface PdfMakeOutputDocument {
    getBuffer(): Promise<Buffer>;
  }
  interface PdfMakeVirtualFs {
    existsSync(name: string): boolean;
    writeFileSync(name: string, content: Buffer): void;
  }
  interface PdfMakeInstance {
    /** In-memory files; a font named by a key stored here is read from memory, not disk. */
    virtualfs: PdfMakeVirtualFs;
    setFonts(fonts: Record<string, PdfMakeFontFaces>): void;
    setUrlAccessPolicy(allow: (url: string) => boolean): void;
    setLocalAccessPolicy(allow: (path: string) => boolean): void;
    /** The definition is typed by the caller (see ./types.ts); pdfmake mutates parts of it. */
    createPdf(docDefinition: object): PdfMakeOutputDocument;
  }
  const pdfmake: PdfMakeInstance;
  export = pdfmake;
}
