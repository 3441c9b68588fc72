import { describe, expect, it } from "vitest";

import { dedupeBounded, dedupeLines, MAX_NORMALIZE_GROWTH, normalizeText, NORMALIZE_RULES } from "@/lib/match/normalize";

const rule = (name: string) => {
  const r = NORMALIZE_RULES.find((x) => x.name === name);
  if (!r) throw new Error(`no rule ${name}`);
  return (t: string) => r.apply(t);
};

describe("normalize rules", () => {
  it("masks UUIDs, timestamps, MACs, IPv4 and IPv6", () => {
    expect(rule("uuid")("pod eb9891c8-0b47-426b-8456-10a210f1115f failed")).toBe("pod <uuid> failed");
    expect(rule("timestamp")("at 2024-02-15T20:28:32.075190807Z and 10:11:12.5")).toBe("at <ts> and <time>");
    expect(rule("mac")("link 02:42:ac:11:00:02 down")).toBe("link <mac> down");
    expect(rule("ipv4")("dial 10.224.0.36:8080 and 192.168.0.0/16")).toBe("dial <ip> and <ip>");
    expect(rule("ipv6")("to fe80::1 and 2001:db8:0:0:0:0:2:1")).toBe("to <ip> and <ip>");
    // Three colon-separated decimals are a time, not an address.
    expect(rule("ipv6")("at 10:11:12")).toBe("at 10:11:12");
  });

  it("masks register and stack states, keeping the instruction", () => {
    expect(rule("register-state")("0: R1_w=ctx(id=0,off=0,imm=0) R10=fp0")).toBe("0: <reg> <reg>");
    expect(rule("register-state")("R7=inv(id=0,umax_value=4294967295,var_off=(0x0; 0xffffffff)) R9=inv0")).toBe("<reg> <reg>");
    expect(rule("stack-state")("fp-8=????mmmm fp-112_w=ptr_")).toBe("<stack> <stack>");
  });

  it("masks hashes and addresses but keeps helper ids, errno numbers and placeholder values", () => {
    expect(rule("hash")("container 1341f1c7aa620238c4d30e6f28e6bcb9ec8e44fd34d3f81ceaa1498e672054d2 gone")).toBe("container <hash> gone");
    expect(rule("address")("r1 = 0xffffb2780075008c; goto 0x1f")).toBe("r1 = <addr>; goto <hex>");
    const kept = "invalid func unknown#125: -22 EINVAL 195896080 CONFIG_NETFILTER_NETLINK retina v0.0.28 cilium 1.11";
    expect(normalizeText(kept)).toBe(kept);
  });

  it("masks durations, instruction indices and counts", () => {
    expect(rule("duration")("after 1m30s and 250ms, 5.4 stays")).toBe("after <duration> and <duration>, 5.4 stays");
    expect(rule("instruction-index")("129: (85) call unknown#177")).toBe("<insn>: (85) call unknown#177");
    expect(rule("instruction-index")("from 12 to 34: R0=x")).toBe("from <insn> to <insn>: R0=x");
    expect(rule("instruction-index")("processed 437 insns (limit 1000000) max_states_per_insn 1 total_states 28 peak_states 28 mark_read 28")).toBe(
      "processed <n> insns (limit <n>) max_states_per_insn <n> total_states <n> peak_states <n> mark_read <n>",
    );
    expect(rule("counts-and-ids")("invalid func unknown#125 (131 line(s) omitted)")).toBe("invalid func unknown#125 (<n> line(s) omitted)");
    expect(rule("counts-and-ids")("relo #791: failed for [1238] struct x [WARNING][63] pid=1617")).toBe("relo #<n>: failed for [<n>] struct x [WARNING][<n>] pid=<n>");
  });

  it("masks Kubernetes pod name suffixes but not words", () => {
    expect(rule("pod-name")("pod cilium-qh4vw and retina-agent-6d8c7b9f5d-x7k2p")).toBe("pod cilium-<pod> and retina-agent-<pod>");
    expect(rule("pod-name")("cilium-agent kube-proxy calico-node")).toBe("cilium-agent kube-proxy calico-node");
  });
});

describe("dedupeLines", () => {
  it("folds lines that differ only in masked parts, merging their line numbers", () => {
    const lines = [
      { text: "2024-05-26 10:15:17.684 failed try=0 pid=1", lines: [1] },
      { text: "2024-05-26 10:15:18.001 failed try=0 pid=2", lines: [2] },
      { text: "invalid func unknown#125", lines: [3] },
      { text: "invalid func unknown#181", lines: [4] },
    ];
    const out = dedupeLines(lines);
    expect(out).toHaveLength(3);
    expect(out[0]?.lines).toEqual([1, 2]);
  });

  it("keeps one entry for a line repeated 100k times", () => {
    const line = { text: "libbpf: Error loading BTF: Invalid argument(22)", lines: [1] };
    const out = dedupeLines(Array.from({ length: 100_000 }, (_, i) => ({ ...line, lines: [i + 1] })));
    expect(out).toHaveLength(1);
    expect(out[0]?.lines[0]).toBe(1);
    expect(out[0]?.lines.length).toBeLessThanOrEqual(20);
  });

  it("dedupeBounded reads the first and last distinct lines and leaves the middle unread", () => {
    const lines = ["a 1", "b", "a 2", "c", "d", "e", "f", "b", "g", "h"].map((text, i) => ({ text, lines: [i + 1] }));
    const r = dedupeBounded(lines, 3, 2);
    // Head: a 1, b, a 2 (lines 1-3); tail, read from the end: h, g (lines 10, 9); lines 4 to 8 unread.
    expect(r.lines.map((l) => [l.text, l.lines])).toEqual([
      ["a 1", [1]],
      ["b", [2]],
      ["a 2", [3]],
      ["g", [9]],
      ["h", [10]],
    ]);
    expect(r.skipped).toEqual({ from: 4, to: 8 });
    // With room for every line, the repeat of b folds into its entry and nothing is skipped.
    const all = dedupeBounded(lines, 3, 20);
    expect(all.skipped).toBeNull();
    expect(all.lines.find((l) => l.text === "b")?.lines).toEqual([2, 8]);
  });

  it("never makes a line much longer than it was, though masks are longer than short values (found by fast-check)", () => {
    expect(normalizeText("1s 0x1 from 12 to 34").length).toBeLessThanOrEqual(20 + MAX_NORMALIZE_GROWTH);
    const many = "1s ".repeat(666).trim();
    const out = normalizeText(many);
    expect(out.length).toBeLessThanOrEqual(many.length + MAX_NORMALIZE_GROWTH);
    expect(out.startsWith("<duration> <duration>")).toBe(true);
    // A line whose masks do not make it longer is left whole.
    expect(normalizeText("took 1.5s at 10:11:12.5")).toBe("took <duration> at <time>");
  });
});

describe("rule guards", () => {
  // A guard that is false where its rule would change the text would silently skip the rule.
  const samples = [
    "R1_w=ctx(id=0,off=0,imm=0) R10=fp0 fp-8=mmmmmmmm fp-16_w=0000",
    "2025-03-02T10:11:12.123Z 10:11:12 1.5s 250ms 2m 1h30m0s 12us 7ns",
    "6ba7b810-9dad-11d1-80b4-00c04fd430c8 sha256:4f9c2a1b3c5d7e9f 0xffffffffc0a81234 0x1f",
    "02:42:ac:11:00:02 10.0.0.1:8080 192.168.1.0/24 fe80::1 2001:db8::8a2e:370:7334",
    "12: (85) call bpf_foo#5 from 12 to 34: insn 12 processed 1000001 insns (limit 1000000) off=8 [42] pid=17",
    "cilium-qh4vw retina-agent-6d8c7b9f5d-x7k2p relo #3 (x4 over 2m) (131 line(s) omitted)",
  ];
  for (const rule of NORMALIZE_RULES) {
    it(`${rule.name}: the guard holds wherever the rule changes a sample`, () => {
      let changed = 0;
      for (const text of samples) {
        for (const piece of [text, ...text.split(" ")]) {
          if (rule.apply(piece) !== piece) {
            changed++;
            expect(rule.when.test(piece), `${rule.name} on ${piece}`).toBe(true);
          }
        }
      }
      expect(changed, `some sample exercises ${rule.name}`).toBeGreaterThan(0);
    });
  }
});
