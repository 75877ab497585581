/**
 * File types from their first bytes, never from their names. Only what the platform serves is
 * allowed: images for articles and portals, documents for disclosures and resources.
 */
export interface FileType {
  mime: string;
  kind: 'image' | 'document';
  extension: string;
  maxBytes: number;
}

const MB = 1024 * 1024;
const IMAGE = 10 * MB;
const DOCUMENT = 50 * MB;

const startsWith = (head: Buffer, bytes: number[], offset = 0) => bytes.every((b, i) => head[offset + i] === b);

/** Office Open XML files are ZIP archives; the name's extension says which kind (checked for ZIP first). */
const OOXML: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export function sniff(head: Buffer, fileName: string): FileType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', kind: 'image', extension: 'jpg', maxBytes: IMAGE };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: 'image/png', kind: 'image', extension: 'png', maxBytes: IMAGE };
  if (startsWith(head, [0x47, 0x49, 0x46, 0x38])) return { mime: 'image/gif', kind: 'image', extension: 'gif', maxBytes: IMAGE };
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return { mime: 'image/webp', kind: 'image', extension: 'webp', maxBytes: IMAGE };
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { mime: 'application/pdf', kind: 'document', extension: 'pdf', maxBytes: DOCUMENT };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) {
    const extension = fileName.toLowerCase().split('.').pop() ?? '';
    const mime = OOXML[extension];
    if (mime) return { mime, kind: 'document', extension, maxBytes: DOCUMENT };
  }
  return null;
}

/** Width and height from an image's header, without decoding it. */
export function imageSize(data: Buffer, mime: string): { width: number; height: number } | null {
  try {
    switch (mime) {
      case 'image/png':
        return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
      case 'image/gif':
        return { width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
      case 'image/webp':
        return webpSize(data);
      case 'image/jpeg':
        return jpegSize(data);
      default:
        return null;
    }
  } catch {
    return null;
  }
}

function jpegSize(data: Buffer): { width: number; height: number } | null {
  let offset = 2;
  while (offset + 9 < data.length) {
    if (data[offset] !== 0xff) return null;
    const marker = data[offset + 1]!;
    const length = data.readUInt16BE(offset + 2);
    // SOF0…SOF15 carry the frame size (except DHT, JPG and DAC, which share the range).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
    }
    offset += 2 + length;
  }
  return null;
}

function webpSize(data: Buffer): { width: number; height: number } | null {
  const chunk = data.toString('ascii', 12, 16);
  if (chunk === 'VP8 ') return { width: data.readUInt16LE(26) & 0x3fff, height: data.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L') {
    const bits = data.readUInt32LE(21);
    return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X') return { width: data.readUIntLE(24, 3) + 1, height: data.readUIntLE(27, 3) + 1 };
  return null;
}
