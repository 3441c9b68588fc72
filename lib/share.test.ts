import { describe, expect, it } from "vitest";

import { decodeShare, encodeShare, MAX_ENCODED_CHARS, MAX_SHARED_KERNEL_CHARS, MAX_SHARED_PASTE_CHARS, shareParam } from "@/lib/share";

const roundTrip = async (paste: string, kernel = "") => {
  const encoded = await encodeShare({ paste, kernel });
  return encoded === null ? null : decodeShare(encoded);
};

describe("share links", () => {
  it("carry a paste and a kernel and give them back", async () => {
    expect(await roundTrip("invalid func unknown#125\n", "5.4.0-189-generic")).toEqual({ paste: "invalid func unknown#125\n", kernel: "5.4.0-189-generic" });
    expect(shareParam(`#p=${await encodeShare({ paste: "x", kernel: "" })}`)).toMatch(/^[\w-]+$/);
  });

  it("a megabyte of control characters or lone surrogates opens again (found by fast-check)", async () => {
    // JSON writes each as six bytes: 6 MB inflated, over the old 4 MB bound, from a 12 KB link.
    for (const ch of ["\u0001", "\ud800"]) {
      const paste = ch.repeat(MAX_SHARED_PASTE_CHARS);
      const encoded = await encodeShare({ paste, kernel: "k".repeat(MAX_SHARED_KERNEL_CHARS) });
      expect(encoded!.length).toBeLessThan(20_000);
      expect(await decodeShare(encoded!)).toEqual({ paste, kernel: "k".repeat(MAX_SHARED_KERNEL_CHARS) });
    }
  });

  it("makes no link that would not open: a paste or kernel over the limits, or a link over MAX_ENCODED_CHARS", async () => {
    expect(await encodeShare({ paste: "x".repeat(MAX_SHARED_PASTE_CHARS + 1), kernel: "" })).toBeNull();
    expect(await encodeShare({ paste: "x", kernel: "k".repeat(MAX_SHARED_KERNEL_CHARS + 1) })).toBeNull();
    // A megabyte of random characters deflates to about 2 MB: its link would be 2.7 million characters.
    let a = 7;
    const random = Array.from({ length: MAX_SHARED_PASTE_CHARS }, () => {
      a = (Math.imul(a, 1103515245) + 12345) >>> 0;
      return String.fromCharCode(0x4e00 + ((a >>> 8) % 0x5000));
    }).join("");
    expect(await encodeShare({ paste: random, kernel: "" })).toBeNull();
    const half = random.slice(0, 200_000);
    const encoded = await encodeShare({ paste: half, kernel: "" });
    expect(encoded!.length).toBeLessThanOrEqual(MAX_ENCODED_CHARS);
    expect((await decodeShare(encoded!))?.paste).toBe(half);
  });

  it("reads nothing from a link it did not make", async () => {
    for (const bad of ["", "!!", "a", "AAAA", "x".repeat(MAX_ENCODED_CHARS + 1)]) expect(await decodeShare(bad)).toBeNull();
  });
});
