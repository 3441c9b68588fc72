import { describe, expect, it } from "vitest";

import { absoluteUrl, DEFAULT_SITE_URL, MAX_PREFILL_URL_CHARS, newIssueFileUrl, parseSiteUrl, SITE_URL } from "@/lib/constants";

describe("KB_SITE_URL", () => {
  it("reads an origin, with the default when unset, and drops a trailing slash", () => {
    expect(parseSiteUrl(undefined)).toBe(DEFAULT_SITE_URL);
    expect(parseSiteUrl("  ")).toBe(DEFAULT_SITE_URL);
    expect(parseSiteUrl("https://kb.example.org/")).toBe("https://kb.example.org");
    expect(parseSiteUrl("http://127.0.0.1:3000")).toBe("http://127.0.0.1:3000");
  });

  it("refuses what is not an http(s) origin, naming the setting", () => {
    expect(() => parseSiteUrl("kb.example.org")).toThrow(/KB_SITE_URL/);
    expect(() => parseSiteUrl("ftp://kb.example.org")).toThrow(/https:\/\//);
    expect(() => parseSiteUrl("https://example.org/kb")).toThrow(/without a path/);
  });

  it("makes paths absolute", () => {
    expect(absoluteUrl("/issues/x")).toBe(`${SITE_URL}/issues/x`);
    expect(absoluteUrl("feed.xml")).toBe(`${SITE_URL}/feed.xml`);
  });
});

describe("newIssueFileUrl", () => {
  const repo = { url: "https://github.com/o/r", branch: "release/1.x" };

  it("opens the new-file page with the file name and the text encoded", () => {
    const url = new URL(newIssueFileUrl("my-slug", "---\ntitle: \"a & b\"\n---\n", repo)!);
    expect(url.origin + url.pathname).toBe("https://github.com/o/r/new/release/1.x");
    expect(url.searchParams.get("filename")).toBe("content/issues/my-slug.md");
    expect(url.searchParams.get("value")).toBe('---\ntitle: "a & b"\n---\n');
  });

  it("gives null past the length a link may have", () => {
    expect(newIssueFileUrl("s", "x".repeat(MAX_PREFILL_URL_CHARS), repo)).toBeNull();
  });
});
