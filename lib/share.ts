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
const MAX_DECODED_CHARS = 1_000_000;

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

export async function encodeShare(value: SharedPaste): Promise<string> {
  const json = JSON.stringify({ p: value.paste, k: value.kernel });
  const packed = await pipe(new TextEncoder().encode(json), new CompressionStream("deflate-raw"));
  return toBase64Url(packed);
}

/** Returns null for anything that is not a link this page made (never throws). */
export async function decodeShare(encoded: string): Promise<SharedPaste | null> {
  try {
    if (!/^[\w-]+$/.test(encoded)) return null;
    const bytes = await pipe(fromBase64Url(encoded), new DecompressionStream("deflate-raw"));
    const text = new TextDecoder().decode(bytes.subarray(0, MAX_DECODED_CHARS * 4));
    const data: unknown = JSON.parse(text);
    if (!data || typeof data !== "object") return null;
    const { p, k } = data as Record<string, unknown>;
    if (typeof p !== "string") return null;
    return { paste: p.slice(0, MAX_DECODED_CHARS), kernel: typeof k === "string" ? k.slice(0, 200) : "" };
  } catch {
    return null;
  }
}

/** Reads `#p=…` from a location hash. */
export function shareParam(hash: string): string | null {
  const m = /(?:^#|&)p=([\w-]+)/.exec(hash);
  return m?.[1] ?? null;
}
