import { describe, expect, it } from "vitest";

import { RECORDS, summary } from "@/lib/search/fixtures/summaries";
import { createTextSearch } from "@/lib/search/text";

const search = createTextSearch(RECORDS);
const top = (q: string) => search.search(q)[0]?.slug;
const found = (q: string) => search.search(q).map((r) => r.slug);

describe("createTextSearch", () => {
  it("an empty query returns every record", () => {
    expect(search.search("   ")).toHaveLength(RECORDS.length);
  });

  it("finds by title", () => {
    expect(top("Calico XDP")).toBe("calico-xdp-5-4");
    expect(top("filter-trace-tc")).toBe("pwru-tc");
  });

  it("finds by error string", () => {
    expect(top("protocol not supported")).toBe("kata-netlink");
    expect(found("invalid func unknown#125")).toEqual(expect.arrayContaining(["retina-podlevel", "cilium-helper"]));
  });

  it("tolerates a typo", () => {
    expect(found("cilum")).toEqual(expect.arrayContaining(["cilium-helper", "kata-netlink"]));
  });

  it("finds by tag", () => {
    expect(top("kprobe-multi")).toBe("pwru-tc");
  });

  it("does not return everything for a word no record has", () => {
    expect(found("zzqxjw")).toEqual([]);
  });

  it("a Chinese query does not throw and finds the record whose alias has that title", () => {
    expect(top("Retina项目在低版本Linux内核上的兼容性问题分析")).toBe("retina-podlevel");
    expect(top("兼容性问题")).toBe("retina-podlevel");
    expect(() => search.search("内核")).not.toThrow();
  });

  it("a whole pasted error line (longer than fuse's 32-character pattern) finds its record", () => {
    expect(found("program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125")[0]).toMatch(/^(retina-podlevel|cilium-helper)$/);
  });

  it("a query longer than the limit is cut, not refused", () => {
    expect(() => search.search("netlink ".repeat(500))).not.toThrow();
    expect(search.search("x".repeat(10_000))).toEqual([]);
  });

  it("searches only the records it was built over", () => {
    const one = createTextSearch([summary({ slug: "only", title: "Tetragon BTF search failed" })]);
    expect(one.search("Tetragon").map((r) => r.slug)).toEqual(["only"]);
    expect(one.search("Calico")).toEqual([]);
  });
});
