import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { HELPERS, MAP_TYPES, PROG_TYPES, type FactRow } from "@/lib/kernel/facts.generated";
import { parseKernelVersion } from "@/lib/kernel/version";
import { decodeErrno, decodeHelper, decodePlaceholder, decodeSignals, decodeType, omittedNotice } from "@/lib/match/decode";
import { extractSignals } from "@/lib/match/signals";
import { unwrap } from "@/lib/match/unwrap";

/** The shared CSVs when they are beside the project (../shared/data), else the generated copy. */
function table(file: string, generated: readonly FactRow[]): { id: number; name: string; since: string | null }[] {
  const csv = path.resolve(__dirname, "../../../shared/data", file);
  if (!fs.existsSync(csv)) return generated.map(([id, name, since]) => ({ id, name, since }));
  const [, ...rows] = fs.readFileSync(csv, "utf8").trim().split(/\r?\n/);
  return rows.map((row) => {
    const [id, name, since] = row.split(",");
    return { id: Number(id), name: name ?? "", since: since ? since : null };
  });
}

describe("decoders", () => {
  const helpers = table("bpf-helpers.csv", HELPERS);

  it("decodes every helper id 1..211 to its name and first kernel", () => {
    const ids = helpers.filter((h) => h.id >= 1 && h.id <= 211);
    expect(ids).toHaveLength(211);
    for (const h of ids) {
      const d = decodeHelper(h.id, { role: "missing" });
      expect(d.name, `helper ${h.id}`).toBe(`bpf_${h.name}`);
      expect(d.sinceKernel, `helper ${h.id}`).toBe(h.since);
      expect(d.note).toContain(`#${h.id}`);
    }
  });

  it("decodes every program and map type id", () => {
    for (const [file, kind, rows] of [
      ["bpf-prog-types.csv", "prog-type", PROG_TYPES],
      ["bpf-map-types.csv", "map-type", MAP_TYPES],
    ] as const) {
      const all = table(file, rows);
      expect(all.length).toBeGreaterThan(20);
      for (const t of all) {
        const byId = decodeType(kind, t.id);
        expect(byId?.name, `${kind} ${t.id}`).toBe(t.name);
        expect(byId?.sinceKernel, `${kind} ${t.id}`).toBe(t.since);
        expect(decodeType(kind, t.name)?.id, `${kind} ${t.name}`).toBe(t.id);
      }
    }
  });

  it("says which helpers a known kernel lacks", () => {
    const d = decodeHelper(125, { role: "missing", kernel: parseKernelVersion("5.4.0-189-generic") });
    expect(d.missingOnKernel).toBe(true);
    expect(d.note).toContain("Your 5.4 kernel lacks bpf_ktime_get_boot_ns, added in 5.8");
    expect(decodeHelper(125, { role: "missing", kernel: parseKernelVersion("6.1.0") }).missingOnKernel).toBeUndefined();
  });

  it("tells a helper the program type may not call from a missing one", () => {
    expect(decodeHelper(111, { role: "not-allowed" }).note).toContain("this program type may not call it");
    expect(decodeHelper(9999).note).toContain("not in the kernel's helper list");
  });

  it("decodes errno names with their eBPF meaning", () => {
    expect(decodeErrno("EPERM")?.note).toMatch(/RLIMIT_MEMLOCK.*CAP_BPF/s);
    expect(decodeErrno(13)?.note).toMatch(/verifier/);
    expect(decodeErrno("-EINVAL")?.id).toBe(22);
    expect(decodeErrno("EOPNOTSUPP")?.note).toMatch(/XDP/);
    expect(decodeErrno("EPROTONOSUPPORT")?.note).toMatch(/CONFIG_NETFILTER_NETLINK/);
    expect(decodeErrno("ENOTSUP")?.name).toBe("EOPNOTSUPP");
    expect(decodeErrno("EWHATEVER")).toBeNull();
  });

  it("decodes the loaders' placeholder values", () => {
    expect(decodePlaceholder(195896080)?.name).toBe("0xbad2310");
    expect(decodePlaceholder(195896080)?.note).toMatch(/CO-RE relocation failed/);
    expect(decodePlaceholder(2001000003)?.note).toMatch(/map #3 .*never created/);
    expect(decodePlaceholder(2002000007)?.note).toMatch(/kfunc call #7/);
    expect(decodePlaceholder(233685214)?.name).toBe("0xdedc0de");
    expect(decodePlaceholder(125)).toBeNull();
  });

  it("explains N line(s) omitted and how to see the full log", () => {
    expect(omittedNotice(131).message).toMatch(/131 line\(s\).*%\+v/s);
  });

  it("decodes a pasted verifier log with the kernel from the paste", () => {
    const lines = unwrap("Linux n 5.4.0-189-generic #209-Ubuntu SMP\n5: (85) call bpf_ktime_get_boot_ns#125\ninvalid func unknown#125\nload program: invalid argument (12 line(s) omitted)").lines;
    const s = extractSignals(lines);
    const { decoded, notices } = decodeSignals(s, s.kernel?.version ?? null);
    expect(decoded.map((d) => `${d.kind}:${d.id}`)).toEqual(["helper:125", "errno:22"]);
    expect(decoded[0]?.missingOnKernel).toBe(true);
    expect(notices[0]?.kind).toBe("omitted-lines");
  });
});
