/**
 * /issues/<slug>/og.png: the page's link-preview image, drawn at build time (one static PNG per record,
 * in `next start` and in the static export alike). The page's og:image and twitter:image point here.
 */
import { ImageResponse } from "next/og";

import { getAllIssues, getIssue } from "@/lib/content";
import { toPreviewCard } from "@/lib/records/projections";
import { PREVIEW_SIZE, PreviewCard } from "@/components/og/preview-card";

export const dynamic = "force-static";
export const dynamicParams = false;

export function generateStaticParams() {
  return getAllIssues().map((r) => ({ slug: r.slug }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const record = getIssue((await params).slug);
  if (!record) return new Response("Not found", { status: 404 });
  return new ImageResponse(<PreviewCard card={toPreviewCard(record)} />, PREVIEW_SIZE);
}
