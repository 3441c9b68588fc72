/**
 * Acceptance of issue 3 on the real write-ups: each seed incident's own error strings, pasted alone,
 * rank it first with confident: true; `invalid func unknown#181` decodes to bpf_loop (5.17) and matches
 * no seed confidently.
 */
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { loadIssuesFromDir } from "@/lib/content/load";
import { buildMatchIndex, matchPaste, type MatchIndex } from "@/lib/match";
import type { IssueRecord } from "@/lib/records/record";
import { toMatchSource } from "@/lib/records/projections";

const SEEDS_WITH_ERRORS = [
  "retina-podlevel-requires-kernel-5-8",
  "pwru-filter-trace-tc-cilium-1-11",
  "calico-3-27-3-xdp-kernel-5-4",
  "kata-arm-netlink-protocol-not-supported",
];
const ALL_SEEDS = [...SEEDS_WITH_ERRORS, "retina-cilium-1-18-upgrade"];

let records: IssueRecord[];
let index: MatchIndex;
beforeAll(() => {
  const loaded = loadIssuesFromDir(path.resolve("content"));
  expect(loaded.problems, "content/ must load cleanly").toEqual([]);
  records = loaded.records;
  index = buildMatchIndex(records.map(toMatchSource));
});

describe("seed incidents", () => {
  for (const slug of SEEDS_WITH_ERRORS) {
    it(`${slug}: each of its error strings, pasted alone, ranks it first and confident`, () => {
      const r = records.find((x) => x.slug === slug);
      expect(r, `content/issues/${slug}.md`).toBeDefined();
      expect(r?.errors.length).toBeGreaterThan(0);
      for (const e of r?.errors ?? []) {
        const res = matchPaste(index, e.text);
        expect(res.matches[0]?.slug, e.text).toBe(slug);
        expect(res.matches[0]?.confident, e.text).toBe(true);
        expect(res.matches[0]?.evidence.some((ev) => ev.kind === "template" && ev.line === 1)).toBe(true);
      }
    });
  }

  it("invalid func unknown#181 decodes to bpf_loop (5.17) and matches no seed confidently", () => {
    const res = matchPaste(index, "invalid func unknown#181");
    expect(res.decoded[0]).toMatchObject({ kind: "helper", id: 181, name: "bpf_loop", sinceKernel: "5.17" });
    expect(res.matches.filter((m) => m.confident && ALL_SEEDS.includes(m.slug))).toEqual([]);
    // With a kernel, the decoder says it is missing there.
    const old = matchPaste(index, "invalid func unknown#181", { kernel: "5.15.0-91-generic" });
    expect(old.decoded[0]?.note).toContain("Your 5.15 kernel lacks bpf_loop, added in 5.17");
  });

  it("the Retina error on a kernel outside its range is not confident for Retina", () => {
    const res = matchPaste(index, "program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125", { kernel: "6.1.0" });
    expect(res.matches.find((m) => m.slug === "retina-podlevel-requires-kernel-5-8")?.confident ?? false).toBe(false);
  });
});
