import { createRequire } from 'node:module';
import type { TLocale, TQuote } from '@clientela/contract';
import PDFDocument from 'pdfkit';
import type { Letterhead } from '../workspaces/index.ts';
import en from './pdf-locales/en.json' with { type: 'json' };
import it from './pdf-locales/it.json' with { type: 'json' };
import ru from './pdf-locales/ru.json' with { type: 'json' };

export const PDF_MESSAGES: Record<TLocale, typeof en> = { en, ru, it };

const require = createRequire(import.meta.url);
// DejaVu covers Latin and Cyrillic alike: a proposal in Russian prints as well as one in Italian.
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const ACCENT = '#1f6feb';

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, key: string) => String(values[key] ?? ''));

/** Who sends the quote: the letterhead printed at its top, and the person who prepared it. */
export type Seller = { letterhead: Letterhead; author: string };

const LOGO_BOX = { width: 150, height: 60 };

/**
 * Prints the letterhead from the top of the first page: the logo scaled into its box on the left
 * and the company's name, address, tax number and contacts beside it (or, without a logo, the same
 * lines from the left margin). Leaves the cursor below both.
 */
function printLetterhead(doc: PDFKit.PDFDocument, letterhead: Letterhead, text: typeof en, width: number) {
  const left = doc.page.margins.left;
  const top = 32;
  let logoBottom = top;
  let textLeft = left;
  let align: 'left' | 'right' = 'left';
  if (letterhead.logo) {
    // The file was checked on upload; should it still not read, the letterhead goes without it.
    try {
      doc.image(letterhead.logo, left, top, { fit: [LOGO_BOX.width, LOGO_BOX.height] });
      logoBottom = top + LOGO_BOX.height;
      textLeft = left + LOGO_BOX.width + 20;
      align = 'right';
    } catch {
      logoBottom = top;
    }
  }
  const textWidth = left + width - textLeft;
  const details = [
    letterhead.address,
    letterhead.taxNumber ? fill(text.taxNumber, { value: letterhead.taxNumber }) : null,
    [letterhead.phone ? fill(text.phone, { value: letterhead.phone }) : null, letterhead.email].filter(Boolean).join(' · ') || null,
    // An address is not broken across lines: the site has a line of its own.
    letterhead.website,
  ].filter((line): line is string => Boolean(line));
  doc
    .fillColor('#111111')
    .font('bold')
    .fontSize(details.length ? 15 : 18)
    .text(letterhead.legalName ?? letterhead.name, textLeft, top, { width: textWidth, align });
  doc.font('body').fontSize(9).fillColor('#444444');
  for (const line of details) doc.text(line, textLeft, doc.y + 1, { width: textWidth, align });
  const bottom = Math.max(doc.y, logoBottom) + 10;
  doc
    .moveTo(left, bottom)
    .lineTo(left + width, bottom)
    .strokeColor('#dddddd')
    .lineWidth(0.5)
    .stroke();
  doc.x = left;
  doc.y = bottom + 14;
  doc.fillColor('#111111');
}

/**
 * A quote as a PDF in its customer's language: the seller's letterhead, the customer, dates, the
 * lines with discounts and VAT, the totals, and the notes. Money and dates are written the way
 * that language writes them.
 */
export function quotePdf(quote: TQuote, seller: Seller): Promise<Buffer> {
  const text = PDF_MESSAGES[quote.language];
  const locale = { en: 'en-GB', ru: 'ru-RU', it: 'it-IT' }[quote.language];
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: quote.currency });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const day = (ymd: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${ymd}T00:00:00Z`));
  // Display only: the amounts were computed exactly in PostgreSQL; a double holds 12 digits and cents.
  const amount = (value: string) => money.format(Number(value));

  const doc = new PDFDocument({
    size: 'A4',
    margin: 50,
    bufferPages: true,
    info: { Title: `${text.title} ${quote.number}`, Author: seller.letterhead.legalName ?? seller.letterhead.name },
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', BOLD);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  doc.rect(0, 0, doc.page.width, 8).fill(ACCENT);
  printLetterhead(doc, seller.letterhead, text, width);
  doc.font('bold').fontSize(14).fillColor(ACCENT).text(text.title);
  doc.font('body').fontSize(10).fillColor('#111111');
  doc.text(fill(text.number, { number: quote.number, version: quote.version }));
  doc.text(fill(text.issued, { date: day(quote.issuedOn) }));
  if (quote.validUntil) doc.text(fill(text.validUntil, { date: day(quote.validUntil) }));
  doc.moveDown();
  doc.font('bold').text(`${text.to}: ${quote.company.name}`);
  if (quote.contact) doc.font('body').text(fill(text.attention, { name: quote.contact.name }));
  doc.moveDown();

  // The lines: description, quantity and unit, unit price, discount, VAT rate, amount with VAT.
  const columns = [
    { key: 'item', width: width * 0.36, align: 'left' as const },
    { key: 'quantity', width: width * 0.12, align: 'right' as const },
    { key: 'price', width: width * 0.15, align: 'right' as const },
    { key: 'discount', width: width * 0.1, align: 'right' as const },
    { key: 'vat', width: width * 0.09, align: 'right' as const },
    { key: 'amount', width: width * 0.18, align: 'right' as const },
  ];
  const row = (cells: string[], bold = false) => {
    const top = doc.y;
    let x = left;
    let bottom = top;
    doc.font(bold ? 'bold' : 'body').fontSize(9);
    cells.forEach((cell, i) => {
      const column = columns[i];
      if (!column) return;
      doc.text(cell, x + 2, top, { width: column.width - 4, align: column.align });
      bottom = Math.max(bottom, doc.y);
      x += column.width;
    });
    doc.y = bottom + 4;
    doc
      .moveTo(left, doc.y - 2)
      .lineTo(left + width, doc.y - 2)
      .strokeColor('#dddddd')
      .lineWidth(0.5)
      .stroke();
    if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
  };
  row(
    columns.map((c) => text.columns[c.key as keyof typeof text.columns]),
    true,
  );
  for (const line of quote.lines) {
    row([
      line.product?.sku ? `${line.description} (${line.product.sku})` : line.description,
      `${number.format(Number(line.quantity))} ${line.unit}`,
      amount(line.unitPrice),
      Number(line.discountPercent) ? `${number.format(Number(line.discountPercent))} %` : '',
      `${number.format(Number(line.vatRate))} %`,
      amount(line.total),
    ]);
  }
  doc.moveDown(0.5);
  const totals: [string, string, boolean][] = [
    [text.net, amount(quote.net), false],
    [text.vatTotal, amount(quote.vat), false],
    [text.total, amount(quote.total), true],
  ];
  for (const [label, value, bold] of totals) {
    const top = doc.y;
    doc.font(bold ? 'bold' : 'body').fontSize(bold ? 11 : 10);
    doc.text(label, left + width * 0.5, top, { width: width * 0.3, align: 'right' });
    doc.text(value, left + width * 0.8, top, { width: width * 0.2, align: 'right' });
  }
  if (quote.notes) {
    doc.moveDown();
    doc.font('bold').fontSize(10).text(text.notes, left);
    doc.font('body').text(quote.notes, { width });
  }

  const pages = doc.bufferedPageRange();
  for (let i = 0; i < pages.count; i++) {
    doc.switchToPage(pages.start + i);
    const margin = doc.page.margins.bottom;
    const bottom = doc.page.height - margin + 16;
    // Text below the bottom margin would make pdfkit start a new page: the footer lifts it meanwhile.
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(8).fillColor('#666666');
    doc.text(fill(text.footer, { name: seller.author, workspace: seller.letterhead.name }), left, bottom, {
      width: width * 0.7,
      lineBreak: false,
    });
    doc.text(fill(text.page, { page: i + 1, pages: pages.count }), left + width * 0.7, bottom, {
      width: width * 0.3,
      align: 'right',
      lineBreak: false,
    });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
