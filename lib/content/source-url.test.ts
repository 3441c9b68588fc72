import { describe, expect, it } from "vitest";

import { checkSourceUrl } from "@/lib/content/source-url";

describe("checkSourceUrl", () => {
  it.each([
    "https://github.com/microsoft/retina/issues/1533",
    "https://github.com/microsoft/retina/issues/1533#issuecomment-2797652431",
    "https://github.com/cilium/cilium/pull/12345",
    "https://github.com/cilium/cilium/pull/12345#pullrequestreview-99",
    "https://github.com/cilium/cilium/pull/12345/files",
    "https://github.com/cilium/cilium/pull/12345/commits/0123456789abcdef0123456789abcdef01234567",
    "https://github.com/torvalds/linux/commit/71d19214776e",
    "https://github.com/microsoft/retina/blob/v0.0.28/pkg/plugin/conntrack/_cprog/conntrack.h",
    "https://github.com/microsoft/retina/blob/v0.0.28/pkg/plugin/conntrack/_cprog/conntrack.h#L10-L20",
    "https://github.com/microsoft/retina/tree/main/docs",
    "https://github.com/libbpf/libbpf/releases/tag/v1.0.0",
    "https://github.com/libbpf/libbpf/releases",
    "https://github.com/cilium/cilium/compare/v1.14.0...v1.14.1",
    "https://github.com/cilium/cilium/security/advisories/GHSA-abcd-1234-ef56",
    "https://github.com/cilium/cilium/discussions/123",
    "https://github.com/iovisor/bcc",
    "https://docs.ebpf.io/linux/helper-function/bpf_ktime_get_boot_ns/",
    "https://lore.kernel.org/bpf/20200101.msg@kernel.org/",
  ])("accepts %s", (url) => {
    expect(checkSourceUrl(url)).toBeNull();
  });

  it.each([
    ["http://github.com/a/b/issues/1", /https/],
    ["not a url", /not a URL/],
    ["https://github.com/a/b/issues/abc", /well-formed/],
    ["https://github.com/a/b/issues/1/extra", /well-formed/],
    ["https://github.com/a/b/issues?q=is%3Aopen", /well-formed/],
    ["https://github.com/a/b/issues/1#hello-world", /fragment/],
    ["https://github.com/a/b/commit/xyz", /well-formed/],
    ["https://github.com/a/b/blob/main", /well-formed/],
    ["https://github.com/a/b/pull/7/merge", /merge ref/],
    ["https://github.com/a/b/blob/refs/pull/7/merge/src/x.c", /merge ref/],
    ["https://raw.githubusercontent.com/a/b/refs/pull/7/merge/src/x.c", /merge ref/],
    ["https://github.com/a/b/actions/runs/1", /well-formed/],
    ["https://github.com/search?q=bpf", /well-formed/],
    ["https://github.com/a", /well-formed/],
    ["https://user:pw@github.com/a/b", /user name/],
  ])("refuses %s", (url, why) => {
    expect(checkSourceUrl(url)).toMatch(why);
  });

  it("stays linear on a long hostile path", () => {
    const url = "https://github.com/a/b/blob/" + "pull/1/".repeat(20_000) + "merge/x";
    expect(checkSourceUrl(url)).toMatch(/merge ref/);
  });
});
