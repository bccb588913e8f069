import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readFileSync } from 'node:fs';
const doc = await getDocument({ data: new Uint8Array(readFileSync(process.argv[2])), verbosity: 0 }).promise;
const p = await doc.getPage(1);
const t = await p.getTextContent();
console.log(JSON.stringify(t.items.map(i => i.str)), [...(t.items[0]?.str ?? '')].map(c => c.codePointAt(0).toString(16)));
