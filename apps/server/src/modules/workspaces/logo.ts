import { inflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/** Larger than a letterhead needs, and small enough to decode while a PDF is written. */
export const LOGO_MAX_SIDE = 2000;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_SIGNATURE = Buffer.from([0xff, 0xd8, 0xff]);

type Opened = { width: number; height: number; image?: { imgData: Uint8Array; pixelBitlength: number } };
// pdfkit opens images with a method its type definitions leave out.
type Opener = { openImage: (src: Buffer) => Opened };

/**
 * What a logo file really is, read from its first bytes and checked the way the PDF writer will
 * read it: `image/png` or `image/jpeg`, else null. A PNG's pixels are inflated once here because
 * pdfkit inflates them later in a callback, where a broken file would bring the server down.
 */
export function logoTypeOf(bytes: Buffer): 'image/png' | 'image/jpeg' | null {
  const type = bytes.subarray(0, 8).equals(PNG_SIGNATURE) ? 'image/png' : bytes.subarray(0, 3).equals(JPEG_SIGNATURE) ? 'image/jpeg' : null;
  if (!type) return null;
  try {
    const opened = (new PDFDocument({ autoFirstPage: false }) as unknown as Opener).openImage(bytes);
    if (!(opened.width > 0 && opened.height > 0 && opened.width <= LOGO_MAX_SIDE && opened.height <= LOGO_MAX_SIDE)) return null;
    if (type === 'image/png' && opened.image) {
      const row = 1 + Math.ceil((opened.width * opened.image.pixelBitlength) / 8);
      // Interlaced rows take a little more room than plain ones: twice the plain size is plenty.
      inflateSync(opened.image.imgData, { maxOutputLength: 2 * row * opened.height + 1024 });
    }
    return type;
  } catch {
    return null;
  }
}
