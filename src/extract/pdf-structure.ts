/**
 * Bounds on the work a PDF's pages ask of pdf.js, checked in pdf-lib's object model before pdf.js
 * builds any operator list. pdf.js expands every form XObject where it is painted, so forms that
 * each paint the next ten times cost 10^depth operators from a few KB (a 3.4 KB file took 120 s);
 * here each form's operators are counted once and multiplied out. Also tells a page whose content
 * stream is malformed (it cannot be decoded, a string runs to its end, or it is mostly not
 * operators), so that a PDF without text says it is corrupt rather than that it needs OCR.
 */
import { decodePDFRawStream, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, PDFRef, type PDFPage } from 'pdf-lib';
import { InputError } from '../model/issues.js';
import { MAX_IMAGE_PIXELS } from './bounds.js';
import { contentTokens, pageContentBytes } from './content-tokens.js';

/** Operators one page may expand to, forms painted out (a dense vector map page has a few hundred thousand). */
const MAX_PAGE_OPERATORS = 3_000_000;
/** Forms painted inside forms (real files nest a handful). */
const MAX_FORM_DEPTH = 28;

/** The operators of PDF 2.0 (ISO 32000-2, Annex A). */
const OPERATORS = new Set(
  ('b B b* B* BDC BI BMC BT BX c cm CS cs d d0 d1 Do DP EI EMC ET EX f F f* G g gs h i ID j J K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf Tj TJ TL Tm Tr Ts Tw Tz v w W W* y \' "').split(' '),
);

/** What the structure check found that does not stop the file. */
export interface PdfStructure {
  /** 1-based pages whose content stream is malformed. */
  malformedPages: number[];
  /** Images claiming more pixels than MAX_IMAGE_PIXELS (pdf.js leaves them out), as "W×H". */
  oversizedImages: string[];
}

const NOTHING_FOUND: PdfStructure = { malformedPages: [], oversizedImages: [] };

/** Image XObjects whose Width × Height pass the pixel bound. */
function oversizedImages(doc: PDFDocument): string[] {
  const found: string[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream) || object.dict.lookup(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const width = object.dict.lookup(PDFName.of('Width'));
    const height = object.dict.lookup(PDFName.of('Height'));
    if (width instanceof PDFNumber && height instanceof PDFNumber && width.asNumber() * height.asNumber() > MAX_IMAGE_PIXELS) found.push(`${width.asNumber()}×${height.asNumber()}`);
  }
  return found;
}

/** A content stream's own operators, the forms it paints by name, and whether it is malformed. */
interface ContentSummary {
  operators: number;
  painted: string[];
  malformed: boolean;
}

function summarise(content: Uint8Array): ContentSummary {
  let operators = 0;
  let unknown = 0;
  let unterminated = false;
  let lastName: string | null = null;
  const painted: string[] = [];
  for (const token of contentTokens(content)) {
    if (token.kind === 'unterminated') unterminated = true;
    if (token.kind === 'name') lastName = token.value;
    if (token.kind !== 'operator') continue;
    operators++;
    if (!OPERATORS.has(token.value)) unknown++;
    if (token.value === 'Do' && lastName !== null) painted.push(lastName);
    lastName = null;
  }
  return { operators, painted, malformed: unterminated || unknown * 2 > operators };
}

/** Checks every page's expanded size; throws too_complex or too_deeply_nested. Never throws for what pdf-lib cannot parse (pdf.js then has its say). */
export async function checkPdfStructure(bytes: Uint8Array): Promise<PdfStructure> {
  let pages: PDFPage[];
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
    // Encrypted streams cannot be read without decrypting them: pdf.js decrypts.
    if (doc.isEncrypted) return NOTHING_FOUND;
    pages = doc.getPages();
  } catch {
    return NOTHING_FOUND;
  }
  const malformedPages: number[] = [];
  // A form's expanded operator count, per form and the resources it was painted with (a form without its own inherits them).
  const expanded = new Map<PDFRawStream, Map<PDFDict | undefined, number>>();
  const onPath = new Set<PDFRawStream>();
  const expand = (summary: ContentSummary, resources: PDFDict | undefined, depth: number, page: number): number => {
    let total = summary.operators;
    const xobjects = resources?.lookup(PDFName.of('XObject'));
    for (const name of summary.painted) {
      const ref = xobjects instanceof PDFDict ? xobjects.get(PDFName.of(name)) : undefined;
      const form = ref instanceof PDFRef ? resources?.context.lookup(ref) : ref;
      // pdf.js skips a form already being painted (a loop): so does the count.
      if (!(form instanceof PDFRawStream) || form.dict.lookup(PDFName.of('Subtype')) !== PDFName.of('Form') || onPath.has(form)) continue;
      if (depth + 1 > MAX_FORM_DEPTH) throw new InputError('too_deeply_nested', `page ${page}: forms painted inside forms more than ${MAX_FORM_DEPTH} deep`);
      const own = form.dict.lookup(PDFName.of('Resources'));
      const formResources = own instanceof PDFDict ? own : resources;
      let cost = expanded.get(form)?.get(formResources);
      if (cost === undefined) {
        onPath.add(form);
        let content: Uint8Array;
        try {
          content = decodePDFRawStream(form).decode();
        } catch {
          content = new Uint8Array(0);
        }
        cost = expand(summarise(content), formResources, depth + 1, page);
        onPath.delete(form);
        expanded.set(form, (expanded.get(form) ?? new Map()).set(formResources, cost));
      }
      total += cost;
      if (total > MAX_PAGE_OPERATORS) break;
    }
    if (total > MAX_PAGE_OPERATORS) throw new InputError('too_complex', `page ${page}: its content (forms painted out) has more than ${MAX_PAGE_OPERATORS} drawing operators`);
    return total;
  };
  pages.forEach((page, i) => {
    let content: Uint8Array | null;
    try {
      content = pageContentBytes(page);
    } catch {
      malformedPages.push(i + 1);
      return;
    }
    if (content === null) return;
    const summary = summarise(content);
    if (summary.malformed) malformedPages.push(i + 1);
    expand(summary, page.node.Resources(), 0, i + 1);
  });
  return { malformedPages, oversizedImages: oversizedImages(doc) };
}
