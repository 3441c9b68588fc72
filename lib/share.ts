/**
 * Share links for /match: the paste (and kernel) deflated and base64url-encoded into the URL
 * fragment (`/match#p=…`). A fragment never reaches a server, so a shared paste stays between the
 * people who hold the link.
 */
export interface SharedPaste {
  paste: string;
  kernel: string;
}

/** Links longer than this may be cut by chat tools and browsers; the page warns past it. */
export const LONG_SHARE_LINK_CHARS = 8_000;
/** The longest paste a link carries (the matcher reads 1 MB of a paste). */
export const MAX_SHARED_PASTE_CHARS = 1_000_000;
/** The longest kernel text a link carries. */
export const MAX_SHARED_KERNEL_CHARS = 200;
/** A fragment longer than this is not decoded at all, and no link this long is made (browsers cut URLs near 2 MB). */
export const MAX_ENCODED_CHARS = 2_000_000;
/**
 * Inflating stops here: deflate can expand a thousandfold, so a short link could otherwise fill memory.
 * It is the largest JSON a value within the limits can be: JSON writes a control character or a lone
 * surrogate as six bytes (\u0001), so a megabyte of them is six (it was 4 MB, and such a link, 12 KB
 * long, did not open).
 */
export const MAX_INFLATED_BYTES = 6 * (MAX_SHARED_PASTE_CHARS + MAX_SHARED_KERNEL_CHARS) + 64;

function toBase64Url(bytes: Uint8Array): string {
  let bin = "";
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

/** Inflates chunk by chunk and gives up past `limit` bytes: returns null instead of the whole output. */
async function inflateBounded(bytes: Uint8Array<ArrayBuffer>, limit: number): Promise<Uint8Array | null> {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * The fragment value for a paste and kernel: decodeShare gives back exactly `value`. Null when the value
 * is beyond what a link carries (a paste over MAX_SHARED_PASTE_CHARS, a kernel over
 * MAX_SHARED_KERNEL_CHARS, or a link over MAX_ENCODED_CHARS), rather than a link that would not open.
 */
export async function encodeShare(value: SharedPaste): Promise<string | null> {
  if (value.paste.length > MAX_SHARED_PASTE_CHARS || value.kernel.length > MAX_SHARED_KERNEL_CHARS) return null;
  const json = JSON.stringify({ p: value.paste, k: value.kernel });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream("deflate-raw"));
  // base64 makes 4 characters of 3 bytes: check before building a string that would be refused.
  if (Math.ceil((packed.length * 4) / 3) > MAX_ENCODED_CHARS) return null;
  return toBase64Url(packed);
}

/** Returns null for anything that is not a link this page made (never throws). */
export async function decodeShare(encoded: string): Promise<SharedPaste | null> {
  try {
    if (encoded.length > MAX_ENCODED_CHARS || !/^[\w-]+$/.test(encoded)) return null;
    const bytes = await inflateBounded(fromBase64Url(encoded), MAX_INFLATED_BYTES);
    if (!bytes) return null;
    const text = new TextDecoder().decode(bytes);
    const data: unknown = JSON.parse(text);
    if (!data || typeof data !== "object") return null;
    const { p, k } = data as Record<string, unknown>;
    if (typeof p !== "string") return null;
    return { paste: p.slice(0, MAX_SHARED_PASTE_CHARS), kernel: typeof k === "string" ? k.slice(0, MAX_SHARED_KERNEL_CHARS) : "" };
  } catch {
    return null;
  }
}

/** Reads `#p=…` from a location hash. */
export function shareParam(hash: string): string | null {
  const m = /(?:^#|&)p=([\w-]{1,2000000})/.exec(hash);
  return m?.[1] ?? null;
}
