/**
 * Properties of share links (fast-check, fixed seeds; Node 20's CompressionStream): decodeShare never
 * throws or rejects, whatever the fragment; and encodeShare either refuses a value or makes a link that
 * decodeShare reads back exactly, small pastes and megabyte ones alike.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { decodeShare, encodeShare, MAX_ENCODED_CHARS, MAX_SHARED_KERNEL_CHARS, MAX_SHARED_PASTE_CHARS } from "@/lib/share";

const toBase64Url = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64url");
const deflate = async (text: string) => new Uint8Array(await new Response(new Blob([text]).stream().pipeThrough(new CompressionStream("deflate-raw"))).arrayBuffer());

describe("share links (properties)", () => {
  it("decodeShare never throws or rejects, and reads only a paste and a kernel", async () => {
    const fragment = fc.oneof(
      fc.string({ unit: "binary", maxLength: 300 }),
      fc.stringMatching(/^[\w-]{0,300}$/),
      fc.uint8Array({ maxLength: 300 }).map(toBase64Url),
      // Real deflate streams of JSON that is not a share (any JSON value), or of a share with odd fields.
      fc.oneof(fc.jsonValue(), fc.record({ p: fc.jsonValue(), k: fc.jsonValue() })).map((v) => JSON.stringify(v) ?? ""),
    );
    await fc.assert(
      fc.asyncProperty(fragment, async (f) => {
        for (const candidate of [f, toBase64Url(await deflate(f))]) {
          const r = await decodeShare(candidate);
          if (r === null) continue;
          expect(typeof r.paste).toBe("string");
          expect(typeof r.kernel).toBe("string");
          expect(r.kernel.length).toBeLessThanOrEqual(MAX_SHARED_KERNEL_CHARS);
        }
      }),
      { seed: 7001, numRuns: 300 },
    );
  });

  it("a paste and kernel within the limits come back exactly", async () => {
    const value = fc.record({ paste: fc.string({ unit: "binary", maxLength: 3000 }), kernel: fc.string({ unit: "binary", maxLength: MAX_SHARED_KERNEL_CHARS }) });
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        const encoded = await encodeShare(v);
        expect(encoded).not.toBeNull();
        expect(await decodeShare(encoded!)).toEqual(v);
      }),
      { seed: 7002, numRuns: 200 },
    );
  });

  it("a megabyte paste is refused or comes back exactly, never a link that does not open", async () => {
    // A random piece repeated to between half the limit and the limit: text, controls, surrogates, CJK.
    const big = fc.record({ piece: fc.string({ unit: fc.constantFrom("a", " ", "\n", "\u0001", "\ud800", "\udfff", "内", "\"", "\\", "é"), minLength: 1, maxLength: 40 }), size: fc.integer({ min: MAX_SHARED_PASTE_CHARS / 2, max: MAX_SHARED_PASTE_CHARS }) });
    await fc.assert(
      fc.asyncProperty(big, async ({ piece, size }) => {
        const paste = piece.repeat(Math.ceil(size / piece.length)).slice(0, size);
        const encoded = await encodeShare({ paste, kernel: "5.4.0-189-generic" });
        if (encoded === null) return;
        expect(encoded.length).toBeLessThanOrEqual(MAX_ENCODED_CHARS);
        const back = await decodeShare(encoded);
        expect(back?.paste === paste, `piece ${JSON.stringify(piece)} × ${size}`).toBe(true);
        expect(back?.kernel).toBe("5.4.0-189-generic");
      }),
      { seed: 7003, numRuns: 6 },
    );
  });
});
