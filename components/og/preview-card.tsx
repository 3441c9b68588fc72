import type { PreviewCard as Card } from "@/lib/preview-card";
import type { Status } from "@/lib/records/vocabulary";

/**
 * The link-preview image of a record (1200×630), for next/og's ImageResponse: inline styles and flex
 * layout only (what its renderer understands). An opaque dark card with a blue frame, so it reads on a
 * light chat background and on a dark one; text sizes hold up when a chat shrinks it to ~400 px wide.
 */
export const PREVIEW_SIZE = { width: 1200, height: 630 } as const;

const STATUS_COLORS: Record<Status, { bg: string; fg: string }> = {
  open: { bg: "#fcd34d", fg: "#451a03" },
  workaround: { bg: "#7dd3fc", fg: "#082f49" },
  fixed: { bg: "#6ee7b7", fg: "#022c22" },
  info: { bg: "#cbd5e1", fg: "#0f172a" },
};

const chip = (bg: string, fg: string) =>
  ({ display: "flex", padding: "6px 20px", borderRadius: 999, background: bg, color: fg, fontSize: 30 }) as const;

function Fact({ term, value }: { term: string; value: string }) {
  return (
    <div style={{ display: "flex", alignItems: "baseline", fontSize: 34 }}>
      <div style={{ display: "flex", width: 230, color: "#94a3b8" }}>{term}</div>
      <div style={{ display: "flex", flex: 1, color: "#f1f5f9" }}>{value}</div>
    </div>
  );
}

export function PreviewCard({ card }: { card: Card }) {
  const status = STATUS_COLORS[card.status];
  const titleSize = card.title.length > 80 ? 54 : card.title.length > 50 ? 62 : 72;
  return (
    <div
      style={{
        ...PREVIEW_SIZE,
        display: "flex",
        background: "#0b1220",
        border: "10px solid #0284c7",
        color: "#f8fafc",
      }}
    >
      <div style={{ display: "flex", flexDirection: "column", flex: 1, padding: "44px 60px 40px" }}>
        <div style={{ display: "flex", alignItems: "center", justifyContent: "space-between" }}>
          <div style={{ display: "flex", alignItems: "center", fontSize: 34, color: "#e2e8f0" }}>
            <div style={{ display: "flex", padding: "4px 14px", marginRight: 16, borderRadius: 10, background: "#0284c7", color: "#ffffff", fontSize: 30 }}>bpf</div>
            ebpf-kb
          </div>
          <div style={{ display: "flex", alignItems: "center" }}>
            <div style={{ ...chip("#1e293b", "#e2e8f0"), marginRight: 14, border: "2px solid #475569" }}>{card.kindLabel}</div>
            <div style={chip(status.bg, status.fg)}>{card.statusLabel}</div>
          </div>
        </div>
        <div style={{ display: "flex", flex: 1, alignItems: "center", fontSize: titleSize, lineHeight: 1.15, letterSpacing: -0.5, color: "#ffffff" }}>{card.title}</div>
        <div style={{ display: "flex", flexDirection: "column", marginBottom: 28 }}>
          {card.components ? <Fact term="Components" value={card.components} /> : null}
          <Fact term="Kernel" value={card.kernel} />
        </div>
        <div style={{ display: "flex", fontSize: 26, color: "#7dd3fc" }}>{card.address}</div>
      </div>
    </div>
  );
}
