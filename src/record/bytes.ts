// A tiny byte writer and reader for result codes: unsigned varints and length-prefixed
// UTF-8 text. Kept apart so the code format reads as a list of fields.

export class ByteWriter {
  private readonly out: number[] = [];

  uint(n: number): this {
    if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`not a whole number: ${n}`);
    let v = n;
    while (v >= 0x80) {
      this.out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.out.push(v);
    return this;
  }

  bytes(b: Uint8Array): this {
    this.uint(b.length);
    for (const x of b) this.out.push(x);
    return this;
  }

  text(s: string): this {
    return this.bytes(new TextEncoder().encode(s));
  }

  /** Text that may be absent: 0 for absent, else its length + 1. */
  optionalText(s: string | undefined): this {
    if (s === undefined) return this.uint(0);
    const b = new TextEncoder().encode(s);
    this.uint(b.length + 1);
    for (const x of b) this.out.push(x);
    return this;
  }

  raw(b: Uint8Array): this {
    for (const x of b) this.out.push(x);
    return this;
  }

  done(): Uint8Array {
    return Uint8Array.from(this.out);
  }
}

export class ByteReader {
  private at = 0;

  constructor(private readonly b: Uint8Array) {}

  uint(): number {
    let n = 0;
    let scale = 1;
    for (;;) {
      if (this.at >= this.b.length) throw new RangeError('cut short');
      const x = this.b[this.at++]!;
      n += (x & 0x7f) * scale;
      if (x < 0x80) return n;
      scale *= 0x80;
      if (scale > 2 ** 49) throw new RangeError('number too long');
    }
  }

  raw(length: number): Uint8Array {
    if (this.at + length > this.b.length) throw new RangeError('cut short');
    const out = this.b.slice(this.at, this.at + length);
    this.at += length;
    return out;
  }

  bytes(): Uint8Array {
    return this.raw(this.uint());
  }

  text(): string {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes());
  }

  optionalText(): string | undefined {
    const n = this.uint();
    if (n === 0) return undefined;
    return new TextDecoder('utf-8', { fatal: true }).decode(this.raw(n - 1));
  }

  get finished(): boolean {
    return this.at === this.b.length;
  }
}
