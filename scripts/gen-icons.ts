/**
 * Writes the PNG icons under public/ (web manifest, Apple touch icon, OpenSearch) from the same design
 * as public/icon.svg: "bpf" in white on the site's blue. Run after changing the design; the PNGs are
 * committed so the build needs no image tooling.
 *
 *   npx tsx scripts/gen-icons.ts
 */
import fs from "node:fs";
import path from "node:path";

import { ImageResponse } from "next/og";
import { createElement as h } from "react";

const OUT = path.resolve(__dirname, "..", "public");

/** The icon at `size` pixels; `inset` shrinks the mark into the safe zone a maskable icon needs. */
function icon(size: number, { rounded, inset }: { rounded: boolean; inset: number }) {
  const font = Math.round(size * 0.36 * (1 - inset));
  return h(
    "div",
    {
      style: {
        width: size,
        height: size,
        display: "flex",
        alignItems: "center",
        justifyContent: "center",
        background: "#0284c7",
        borderRadius: rounded ? Math.round(size * 0.1875) : 0,
        color: "#ffffff",
        fontSize: font,
        letterSpacing: -font * 0.02,
      },
    },
    "bpf",
  );
}

const ICONS = [
  // Apple draws its own rounded corners on a square, opaque icon.
  { file: "apple-touch-icon.png", size: 180, rounded: false, inset: 0 },
  { file: "icon-192.png", size: 192, rounded: true, inset: 0 },
  { file: "icon-512.png", size: 512, rounded: true, inset: 0 },
  // Maskable: full bleed, the mark inside the central circle.
  { file: "icon-maskable-512.png", size: 512, rounded: false, inset: 0.25 },
] as const;

async function main() {
  for (const i of ICONS) {
    const res = new ImageResponse(icon(i.size, i), { width: i.size, height: i.size });
    const png = Buffer.from(await res.arrayBuffer());
    fs.writeFileSync(path.join(OUT, i.file), png);
    console.log(`${i.file}: ${i.size}x${i.size}, ${png.length} bytes`);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
