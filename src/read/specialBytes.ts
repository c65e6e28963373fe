/**
 * Where the bytes that mean something to the CSV scanner are (read/scan.ts): the field
 * delimiter, the quote, CR, LF, and any byte of 0x80 or more (a byte of a non-ASCII character,
 * which the scanner notes per record). Every other byte is skipped by the scanner without a
 * look, so it only needs to know where the next of these bytes is.
 *
 * Why: the scanner's byte loop was about half of the reading worker's time at 5M rows (3.4 s of
 * 8.5 s for 713 MB), and a JavaScript loop that only compares each byte with four values runs
 * no faster on the machines measured (3.4 s for the same bytes). A WebAssembly function with
 * 128-bit SIMD compares 16 bytes at a time and lists the positions of the special bytes (0.5 s
 * for the same bytes, the file's reading included), and the scanner then walks only those
 * (README, Performance). No npm package finds CSV structure this way for a byte scanner that
 * must keep csv-parse's exact semantics, so the function is written here: eleven instructions
 * in a loop, assembled below from a readable listing at start-up (no binary is shipped, nothing
 * is downloaded). Where WebAssembly SIMD is not available the scanner keeps its own byte loop
 * (`specialBytes` returns null), with the same records.
 */

/** The part of the WebAssembly API used here (the compiler settings carry no DOM types). */
declare const WebAssembly: {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
};

/** A module's memory, as exported. */
interface WasmMemory {
  readonly buffer: ArrayBuffer;
}

/** Bytes indexed per call (the positions of one block fit the memory whatever the bytes). */
export const BLOCK = 64 * 1024;

/** Where the positions are written in the module's memory (after the block and 16 bytes of padding). */
const OUT = BLOCK + 16;

/** Pages of 64 KiB the module's memory needs: the block, its padding, and a position for every byte. */
const PAGES = Math.ceil((OUT + 4 * BLOCK) / 65536);

/** Unsigned LEB128 (WebAssembly's integers). */
function leb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128, for i32.const. */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
}

const vec = (items: number[][]): number[] => [...leb(items.length), ...items.flat()];
const section = (id: number, bytes: number[]): number[] => [id, ...leb(bytes.length), ...bytes];
const name = (s: string): number[] => vec([...Buffer.from(s, 'latin1')].map((b) => [b]));

// Instructions (WebAssembly core and SIMD opcodes).
const I32 = 0x7f;
const V128 = 0x7b;
const get = (local: number): number[] => [0x20, ...leb(local)];
const set = (local: number): number[] => [0x21, ...leb(local)];
const i32 = (value: number): number[] => [0x41, ...sleb(value)];
const simd = (op: number): number[] => [0xfd, ...leb(op)];
const [BLOCK_, LOOP, END, BR, BR_IF] = [[0x02, 0x40], [0x03, 0x40], [0x0b], [0x0c], [0x0d]];
const [EQZ, GE_U, CTZ, ADD, SUB, AND, OR, SHL] = [[0x45], [0x4f], [0x68], [0x6a], [0x6b], [0x71], [0x72], [0x74]];
const STORE = [0x36, 0x02, 0x00]; // i32.store, 4-byte aligned, offset 0
const V128_LOAD = [...simd(0x00), 0x00, 0x00]; // v128.load, byte aligned, offset 0
const SPLAT = simd(0x0f); // i8x16.splat
const EQ = simd(0x23); // i8x16.eq
const V_OR = simd(0x50); // v128.or
const BITMASK = simd(0x64); // i8x16.bitmask: the high bit of each byte

// index(len, delimiter) → how many positions were written at OUT: every position p < len
// (the bytes at 0..len, followed by 16 zero bytes) whose byte is the delimiter, a quote, CR, LF
// or 0x80 or more, in ascending order.
// Locals: 0 len, 1 delimiter (parameters); 2 i, 3 n, 4 bits; 5–8 the four bytes splatted; 9 v.
const [LEN, DELIM, I, N, BITS, VD, VQ, VLF, VCR, V] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
const code = [
  ...get(DELIM), ...SPLAT, ...set(VD),
  ...i32(0x22), ...SPLAT, ...set(VQ),
  ...i32(0x0a), ...SPLAT, ...set(VLF),
  ...i32(0x0d), ...SPLAT, ...set(VCR),
  ...BLOCK_, ...LOOP,
  // while i < len: 16 bytes at i
  ...get(I), ...get(LEN), ...GE_U, ...BR_IF, 1,
  ...get(I), ...V128_LOAD, ...set(V),
  // bits = bitmask(v == d | v == quote | v == LF | v == CR) | bitmask(v)
  ...get(V), ...get(VD), ...EQ, ...get(V), ...get(VQ), ...EQ, ...V_OR,
  ...get(V), ...get(VLF), ...EQ, ...get(V), ...get(VCR), ...EQ, ...V_OR, ...V_OR,
  ...BITMASK, ...get(V), ...BITMASK, ...OR, ...set(BITS),
  // each set bit, lowest first: out[n++] = i + its index
  ...BLOCK_, ...LOOP,
  ...get(BITS), ...EQZ, ...BR_IF, 1,
  ...i32(OUT), ...get(N), ...i32(2), ...SHL, ...ADD,
  ...get(I), ...get(BITS), ...CTZ, ...ADD,
  ...STORE,
  ...get(N), ...i32(1), ...ADD, ...set(N),
  ...get(BITS), ...get(BITS), ...i32(1), ...SUB, ...AND, ...set(BITS),
  ...BR, 0,
  ...END, ...END,
  ...get(I), ...i32(16), ...ADD, ...set(I),
  ...BR, 0,
  ...END, ...END,
  ...get(N),
  ...END,
];
// (bytes after len in the last 16 are zero: not special, so no position is len or beyond)
const locals = vec([[...leb(3), I32], [...leb(5), V128]]);
const func = [...locals, ...code];
const MODULE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
  ...section(1, vec([[0x60, ...vec([[I32], [I32]]), ...vec([[I32]])]])), // type: (i32, i32) → i32
  ...section(3, vec([[0]])), // one function of type 0
  ...section(5, vec([[0x00, ...leb(PAGES)]])), // memory: PAGES pages
  ...section(7, vec([[...name('index'), 0x00, 0], [...name('memory'), 0x02, 0]])), // exports
  ...section(10, vec([[...leb(func.length), ...func]])), // the function's body
]);

/** Lists the special bytes of a block of bytes (see the module header). */
export class SpecialBytes {
  /** Positions (relative to the block's start) of the last block indexed. */
  readonly positions: Uint32Array;
  private readonly memory: Uint8Array;

  constructor(
    private readonly run: (len: number, delimiter: number) => number,
    memory: WasmMemory,
    /** Most bytes indexed per call (BLOCK; the tests use small blocks, to cross their boundaries). */
    readonly block: number,
  ) {
    this.memory = new Uint8Array(memory.buffer);
    this.positions = new Uint32Array(memory.buffer, OUT, BLOCK);
  }

  /** Indexes `bytes[from..to)` (at most `block` bytes): returns how many special bytes it holds, their positions from `from` in `positions`. */
  index(bytes: Uint8Array, from: number, to: number, delimiter: number): number {
    const len = to - from;
    this.memory.set(bytes.subarray(from, to), 0);
    this.memory.fill(0, len, len + 16);
    return this.run(len, delimiter);
  }
}

let made: SpecialBytes | null | undefined;

/** The index of this thread (one: a scan indexes a block and reads it before any other does), or null without WebAssembly SIMD. */
export function specialBytes(): SpecialBytes | null {
  if (made === undefined) made = specialBytesOf(BLOCK);
  return made;
}

/** A new index of blocks of `block` bytes (at most BLOCK), or null without WebAssembly SIMD. */
export function specialBytesOf(block: number): SpecialBytes | null {
  try {
    if (typeof WebAssembly !== 'object' || !WebAssembly.validate(MODULE)) return null;
    const instance = new WebAssembly.Instance(new WebAssembly.Module(MODULE));
    const { index, memory } = instance.exports as { index: (len: number, delimiter: number) => number; memory: WasmMemory };
    return new SpecialBytes(index, memory, Math.min(block, BLOCK));
  } catch {
    return null; // (no WebAssembly here: the scanner's own loop)
  }
}
