/** The OCR stage's entry points, loaded on demand by the PDF and image extractors. */
export { OcrEngine, sharedOcrEngine } from './engine.js';
export { closeOcr } from './lifecycle.js';
export { documentPageReader, ocrPageIssues, preparePage, readPreparedPage, type OcrPageResult, type PageTextMode, type PreparedPage } from './page.js';
export { judgeWithDocumentShapes, type PageGlyphs } from './glyphs.js';
