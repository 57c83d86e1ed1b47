// A receipt document as accessible HTML, for browser printing, the screen and e-mail. Styles are
// inline in one <style> so the markup survives mail clients that drop external sheets.
import type { ReceiptBlock, ReceiptDocument } from './types';

export interface ReceiptHtmlOptions {
  /** SVG markup of a QR code for `data` (the server has a QR library; without one the id is shown). */
  renderQr?: (data: string) => string;
  /** A whole HTML document with <html lang="sv"> and a title, e.g. for e-mail. */
  isStandalone?: boolean;
}

const STYLE = `.receipt{font-family:ui-monospace,Menlo,Consolas,monospace;max-width:42ch;margin:0 auto;padding:1ch;color:#000;background:#fff}
.receipt p{margin:0;white-space:pre-wrap}.receipt .large{font-size:2em}.receipt .bold{font-weight:bold}
.receipt .center{text-align:center}.receipt .right{text-align:right}
.receipt .row{display:flex;justify-content:space-between;gap:1ch}.receipt hr{border:0;border-top:1px dashed #000}
.receipt .qr{display:flex;justify-content:center;margin:1ch 0}.receipt .qr svg{width:12em;height:12em}`;

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function classes(block: { bold?: boolean; size?: 1 | 2; align?: string }): string {
  const list = [
    block.size === 2 ? 'large' : '',
    block.bold ? 'bold' : '',
    block.align && block.align !== 'left' ? block.align : '',
  ];
  const joined = list.filter(Boolean).join(' ');
  return joined ? ` class="${joined}"` : '';
}

function blockHtml(block: ReceiptBlock, options: ReceiptHtmlOptions): string {
  switch (block.type) {
    case 'text':
      return `<p${classes(block)}>${escapeHtml(block.text)}</p>`;
    case 'row':
      return `<p class="row${block.bold ? ' bold' : ''}${block.size === 2 ? ' large' : ''}"><span>${escapeHtml(block.left)}</span><span>${escapeHtml(block.right)}</span></p>`;
    case 'separator':
      return '<hr>';
    case 'qr': {
      const label = `QR-kod med kvittots id ${escapeHtml(block.data)}`;
      const image = options.renderQr ? options.renderQr(block.data) : '';
      return `<figure class="qr" role="img" aria-label="${label}" data-qr="${escapeHtml(block.data)}">${image}</figure>`;
    }
    case 'feed':
      return '';
  }
}

/** Renders the document; the double-size markers stay double size here too. */
export function renderReceiptHtml(document: ReceiptDocument, options: ReceiptHtmlOptions = {}): string {
  const body = document.blocks.map((b) => blockHtml(b, options)).join('\n');
  const article = `<article class="receipt" lang="sv" aria-label="Kvitto">\n<style>${STYLE}</style>\n${body}\n</article>`;
  if (!options.isStandalone) return article;
  return `<!doctype html>\n<html lang="sv"><head><meta charset="utf-8"><title>Kvitto</title></head><body>\n${article}\n</body></html>`;
}
