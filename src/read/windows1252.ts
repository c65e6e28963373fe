/**
 * Windows-1252 bytes as text, one character per byte (WHATWG's windows-1252: Latin-1 with 0x80–0x9F
 * mapped to € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ, and 0x81 0x8D 0x8F 0x90 0x9D kept as
 * the C1 controls of the same number). Written out because Node 20's TextDecoder('windows-1252')
 * decodes Latin-1 instead when not streaming (0x92 came out as U+0092, not ’); the test checks
 * this table against the streaming decoder, which is right.
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Bytes `start`..`end` of `bytes` read as Windows-1252. */
export function decodeWindows1252(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const codes = new Uint16Array(end - start);
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    codes[i - start] = b >= 0x80 && b < 0xa0 ? (HIGH[b - 0x80] as number) : b;
  }
  let out = '';
  for (let k = 0; k < codes.length; k += 8192) out += String.fromCharCode(...codes.subarray(k, k + 8192));
  return out;
}
