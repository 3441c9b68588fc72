import path from "node:path";

import { describe, expect, it } from "vitest";

import { clipLine, formatChatMessage, MAX_CHAT_LINE_CHARS, type ChatSource } from "@/lib/chat-message";
import { SITE_URL } from "@/lib/constants";
import { loadIssuesFromDir } from "@/lib/content/load";
import { toChatSource } from "@/lib/records/projections";

const fixtures = loadIssuesFromDir(path.join(__dirname, "content/fixtures/good"));
const retina = fixtures.records.find((r) => r.slug === "demo-retina-podlevel")!;

describe("toChatSource", () => {
  it("takes the first paragraphs of Root cause and Fix, on one line, and the absolute URL", () => {
    expect(toChatSource(retina)).toEqual({
      title: retina.title,
      url: `${SITE_URL}/issues/demo-retina-podlevel`,
      summary: retina.summary,
      cause: { text: "Helper #125 is bpf_ktime_get_boot_ns, added in 5.8.", markdown: "Helper #125 is `bpf_ktime_get_boot_ns`, added in 5.8." },
      fix: { text: "Run Linux 5.8 or later.", markdown: "Run Linux 5.8 or later." },
    });
  });

  it("reads an error class's Causes and an upgrade note's What changed / What to do", () => {
    for (const r of fixtures.records) {
      const src = toChatSource(r);
      expect(src.cause?.text, r.slug).toBeTruthy();
      expect(src.fix?.text, r.slug).toBeTruthy();
    }
  });
});

describe("formatChatMessage", () => {
  it("plain text: title, cause, fix, link, one per line", () => {
    const m = formatChatMessage(toChatSource(retina));
    expect(m.text).toBe(
      [retina.title, "Cause: Helper #125 is bpf_ktime_get_boot_ns, added in 5.8.", "Fix: Run Linux 5.8 or later.", `${SITE_URL}/issues/demo-retina-podlevel`].join("\n"),
    );
  });

  it("Markdown: the linked title and a list, inline code kept, title escaped", () => {
    const m = formatChatMessage({ ...toChatSource(retina), title: "a_b [c]" });
    expect(m.markdown).toBe(
      [`**[a\\_b \\[c\\]](${SITE_URL}/issues/demo-retina-podlevel)**`, "", "- **Cause:** Helper #125 is `bpf_ktime_get_boot_ns`, added in 5.8.", "- **Fix:** Run Linux 5.8 or later."].join("\n"),
    );
  });

  it("HTML: escaped, with the link", () => {
    const m = formatChatMessage({ title: "<b>&", url: "https://x.test/issues/a", summary: "s", cause: null, fix: null });
    expect(m.html).toBe('<p><strong><a href="https://x.test/issues/a">&lt;b&gt;&amp;</a></strong></p><ul><li><strong>Cause:</strong> s</li></ul>');
  });

  it("falls back to the summary for the cause and leaves out a missing fix", () => {
    const src: ChatSource = { title: "T", url: "https://x.test/", summary: "Because * reasons.", cause: null, fix: null };
    const m = formatChatMessage(src);
    expect(m.text).toBe("T\nCause: Because * reasons.\nhttps://x.test/");
    expect(m.markdown).toContain("- **Cause:** Because \\* reasons.");
    expect(m.markdown).not.toContain("Fix");
  });
});

describe("clipLine", () => {
  it("keeps whole sentences within the limit", () => {
    const s = `${"a".repeat(200)}. B${"b".repeat(100)}. More.`;
    expect(clipLine(s)).toBe(`${"a".repeat(200)}.`);
  });

  it("cuts one long sentence at a word, with an ellipsis, and closes an open code span", () => {
    const long = `Start \`${"word ".repeat(80)}\` end`;
    const out = clipLine(long);
    expect(out.length).toBeLessThanOrEqual(MAX_CHAT_LINE_CHARS + 2);
    expect(out.endsWith("`…")).toBe(true);
    expect((out.match(/`/g) ?? []).length % 2).toBe(0);
  });

  it("folds white space and leaves short text alone", () => {
    expect(clipLine("  a\n  b  ")).toBe("a b");
  });
});
