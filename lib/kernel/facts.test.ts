import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { allFacts, factById, helperByNameLookup, helperDisplayName, missingOn, typeByEnumName, type FactKind } from "@/lib/kernel/facts";
import { parseKernelVersion } from "@/lib/kernel/version";

const v = (s: string) => parseKernelVersion(s)!;

describe("kernel facts", () => {
  it("helper 125 is ktime_get_boot_ns, since 5.8", () => {
    expect(factById("helper", 125)).toEqual({ id: 125, name: "ktime_get_boot_ns", sinceKernel: "5.8" });
    expect(helperDisplayName(factById("helper", 125)!)).toBe("bpf_ktime_get_boot_ns");
  });

  it("helper 181 is loop, since 5.17", () => {
    expect(factById("helper", 181)).toEqual({ id: 181, name: "loop", sinceKernel: "5.17" });
  });

  it("unknown ids are null, not a neighbour", () => {
    expect(factById("helper", -1)).toBeNull();
    expect(factById("helper", 100_000)).toBeNull();
    expect(factById("prog-type", 1.5)).toBeNull();
  });

  it("missingOn(helper, 5.4.0) includes 125 but not 1", () => {
    const ids = missingOn("helper", v("5.4.0-189-generic")).map((f) => f.id);
    expect(ids).toContain(125);
    expect(ids).toContain(181);
    expect(ids).not.toContain(1);
    // Helper 0 (unspec) has no kernel; it is never "missing".
    expect(ids).not.toContain(0);
    // Oldest first, and everything missing is newer than 5.4.
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    for (const f of missingOn("helper", v("5.4"))) expect(f.sinceKernel).not.toMatch(/^(3\.|4\.|5\.[0-4]$)/);
  });

  it("missingOn(helper, 5.8) no longer includes 125; 5.17 has loop", () => {
    expect(missingOn("helper", v("5.8")).map((f) => f.id)).not.toContain(125);
    expect(missingOn("helper", v("5.16.20")).map((f) => f.id)).toContain(181);
    expect(missingOn("helper", v("5.17.0")).map((f) => f.id)).not.toContain(181);
  });

  it("looks helpers up with or without the bpf_ prefix, and types by enum name", () => {
    expect(helperByNameLookup("bpf_ktime_get_boot_ns")?.id).toBe(125);
    expect(helperByNameLookup("  loop ")?.id).toBe(181);
    expect(helperByNameLookup("bpf_no_such_helper")).toBeNull();
    expect(typeByEnumName("bpf_prog_type_xdp")).toMatchObject({ kind: "prog-type", fact: { name: "BPF_PROG_TYPE_XDP" } });
    expect(typeByEnumName("BPF_MAP_TYPE_RINGBUF")).toMatchObject({ kind: "map-type", fact: { name: "BPF_MAP_TYPE_RINGBUF" } });
    expect(typeByEnumName("BPF_PROG_TYPE_NOPE")).toBeNull();
  });
});

/** The generated tables must equal the shared CSVs they are made from (scripts/gen-kernel-facts.ts). */
const DATA_DIR = path.resolve(__dirname, "../../../shared/data");
const hasData = fs.existsSync(DATA_DIR);
if (!hasData) console.warn(`facts.test.ts: skipping the CSV comparison: ${DATA_DIR} does not exist`);

function readCsv(file: string): { id: number; name: string; since: string | null }[] {
  const [header, ...rows] = fs.readFileSync(path.join(DATA_DIR, file), "utf8").trim().split(/\r?\n/);
  expect(header?.split(",").slice(0, 3)).toEqual(["id", "name", "since_kernel"]);
  return rows.map((line) => {
    const [id, name, since] = line.split(",");
    return { id: Number(id), name: name ?? "", since: since ? since : null };
  });
}

describe.skipIf(!hasData)(`generated facts equal ${DATA_DIR}/*.csv (skipped when that folder is absent)`, () => {
  const files: [FactKind, string][] = [
    ["helper", "bpf-helpers.csv"],
    ["prog-type", "bpf-prog-types.csv"],
    ["map-type", "bpf-map-types.csv"],
  ];
  for (const [kind, file] of files) {
    it(`${kind}: every row of ${file} equals factById`, () => {
      const rows = readCsv(file);
      expect(rows.length).toBeGreaterThan(10);
      const mismatches = rows.filter((r) => {
        const f = factById(kind, r.id);
        return f?.id !== r.id || f.name !== r.name || f.sinceKernel !== r.since;
      });
      expect(mismatches).toEqual([]);
      // And nothing extra in the generated table.
      expect(allFacts(kind)).toHaveLength(rows.length);
    });
  }
});
