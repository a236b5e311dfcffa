// A document kept compressed with gaps for a value that changes on every
// response (the CSP nonce). Each piece between the gaps is compressed once, as
// its own deflate stream ended by a sync flush (byte-aligned, not final); a
// response is those pieces with the new value between them as uncompressed
// ("stored") blocks, a final empty block, and the gzip trailer. No byte of the
// document is compressed twice, and the result is an ordinary gzip stream.
import zlib from "node:zlib";

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
/** A stored block with BFINAL set and no data: the end of the deflate stream. */
const FINAL_EMPTY_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
/** A stored block holds at most this many bytes. */
const STORED_MAX_BYTES = 0xffff;

export class SplicedDocument {
  private readonly compressed: Buffer[];
  /** Bytes of the document without the gaps. */
  readonly fixedBytes: number;

  private constructor(private readonly pieces: Buffer[]) {
    this.compressed = pieces.map((piece) => zlib.deflateRawSync(piece, { finishFlush: zlib.constants.Z_SYNC_FLUSH }));
    this.fixedBytes = pieces.reduce((sum, piece) => sum + piece.length, 0);
  }

  /** Splits a document at every occurrence of `marker`, the value that will change. */
  static split(document: Buffer, marker: string): SplicedDocument {
    const needle = Buffer.from(marker, "utf8");
    if (needle.length === 0) return new SplicedDocument([document]);
    const pieces: Buffer[] = [];
    let from = 0;
    for (let at = document.indexOf(needle, from); at !== -1; at = document.indexOf(needle, from)) {
      pieces.push(document.subarray(from, at));
      from = at + needle.length;
    }
    pieces.push(document.subarray(from));
    return new SplicedDocument(pieces);
  }

  /** How many gaps the document has. */
  get gaps() {
    return this.pieces.length - 1;
  }

  /** Compressed size, without the gaps' values. */
  get compressedBytes() {
    return this.compressed.reduce((sum, piece) => sum + piece.length, 0);
  }

  /** The document with `value` in every gap. */
  identity(value: string): Buffer {
    const fill = Buffer.from(value, "utf8");
    const parts: Buffer[] = [];
    this.pieces.forEach((piece, i) => {
      if (i > 0) parts.push(fill);
      parts.push(piece);
    });
    return Buffer.concat(parts, this.fixedBytes + fill.length * this.gaps);
  }

  /** The document with `value` in every gap, gzipped. */
  gzip(value: string): Buffer {
    const fill = Buffer.from(value, "utf8");
    if (fill.length > STORED_MAX_BYTES) throw new RangeError("A spliced value must be under 64 KiB.");
    const stored = Buffer.alloc(5 + fill.length);
    stored[0] = 0x00; // BFINAL 0, BTYPE 00 (stored); the rest of the byte is padding
    stored.writeUInt16LE(fill.length, 1);
    stored.writeUInt16LE(~fill.length & 0xffff, 3);
    fill.copy(stored, 5);

    const parts: Buffer[] = [GZIP_HEADER];
    let crc = 0;
    this.pieces.forEach((piece, i) => {
      if (i > 0) {
        parts.push(stored);
        crc = zlib.crc32(fill, crc);
      }
      parts.push(this.compressed[i]!);
      crc = zlib.crc32(piece, crc);
    });
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE((this.fixedBytes + fill.length * this.gaps) % 2 ** 32, 4);
    parts.push(FINAL_EMPTY_BLOCK, trailer);
    return Buffer.concat(parts);
  }
}
