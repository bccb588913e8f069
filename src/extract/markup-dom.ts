/**
 * HTML and Word XML parsed into a DOM with bounds on its size: the parse stops at the element that
 * passes the element count or the nesting depth, before the DOM (hundreds of bytes per element on
 * the heap) can grow past what a worker may hold, and before the recursive walks over it could
 * overflow the stack.
 */
import { Parser, type ParserOptions } from 'htmlparser2';
import { DomHandler, type Document, type DomHandlerOptions } from 'domhandler';
import { InputError } from '../model/issues.js';
import { MAX_MARKUP_DEPTH, MAX_MARKUP_ELEMENTS } from './bounds.js';

class BoundedDomHandler extends DomHandler {
  private elements = 0;

  override onopentag(name: string, attribs: { [key: string]: string }): void {
    if (++this.elements > MAX_MARKUP_ELEMENTS) {
      throw new InputError('too_complex', `more than ${MAX_MARKUP_ELEMENTS} elements in the markup`);
    }
    // The stack holds the document root too.
    if (this.tagStack.length > MAX_MARKUP_DEPTH) {
      throw new InputError('too_deeply_nested', `elements nested more than ${MAX_MARKUP_DEPTH} deep`);
    }
    super.onopentag(name, attribs);
  }
}

/** Parses markup like htmlparser2's parseDocument; throws InputError too_complex / too_deeply_nested past the bounds. */
export function parseBoundedDocument(source: string, options: ParserOptions & DomHandlerOptions): Document {
  const handler = new BoundedDomHandler(undefined, options);
  new Parser(handler, options).end(source);
  return handler.root;
}
