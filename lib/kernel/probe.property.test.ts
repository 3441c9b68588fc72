/**
 * Properties of the bpftool probe reader (fast-check, fixed seeds): it never throws, on any text or
 * any JSON; a probe written in either of bpftool's formats reads back as the program types, map types
 * and helpers it was written from; and it reports a kernel release only where the probe names one.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { allFacts } from "@/lib/kernel/facts";
import { parseProbe } from "@/lib/kernel/probe";
import { KernelInputError, kernelReport, MAX_INPUT_DISPLAY_CHARS } from "@/lib/kernel/report";

const short = (enumName: string, prefix: string) => enumName.slice(prefix.length).toLowerCase();
const PROGS = allFacts("prog-type").map((f) => f.name).filter((n) => n.startsWith("BPF_PROG_TYPE_") && n !== "BPF_PROG_TYPE_UNSPEC");
const MAPS = allFacts("map-type").map((f) => f.name).filter((n) => n.startsWith("BPF_MAP_TYPE_") && n !== "BPF_MAP_TYPE_UNSPEC");
const HELPERS = allFacts("helper").map((f) => f.name).filter((n) => n !== "unspec");

const subset = (names: readonly string[]) => fc.uniqueArray(fc.constantFrom(...names), { maxLength: 12 });
const probe = fc.record({
  progsOn: subset(PROGS),
  progsOff: subset(PROGS),
  mapsOn: subset(MAPS),
  mapsOff: subset(MAPS),
  helpers: subset(HELPERS),
  withHelpers: fc.boolean(),
  /** Lines that are no part of what is read, with version-like numbers in them. */
  noise: fc.array(fc.constantFrom("bpf() syscall is available", "JIT compiler is enabled", "CONFIG_BPF is set to y", "Linux 5.4 and 4.19.0 and 6.1", "libbpf v1.2.0", "bpftool v7.3.0", ""), { maxLength: 6 }),
  crlf: fc.boolean(),
}).map((p) => ({ ...p, progsOff: p.progsOff.filter((n) => !p.progsOn.includes(n)), mapsOff: p.mapsOff.filter((n) => !p.mapsOn.includes(n)) }));
type Probe = typeof probe extends fc.Arbitrary<infer T> ? T : never;

function asText(p: Probe): string {
  const lines = [
    "Scanning system configuration...",
    ...p.noise,
    "",
    "Scanning eBPF program types...",
    ...p.progsOn.map((n) => `eBPF program_type ${short(n, "BPF_PROG_TYPE_")} is available`),
    ...p.progsOff.map((n) => `eBPF program_type ${short(n, "BPF_PROG_TYPE_")} is NOT available`),
    "",
    "Scanning eBPF map types...",
    ...p.mapsOn.map((n) => `eBPF map_type ${short(n, "BPF_MAP_TYPE_")} is available`),
    ...p.mapsOff.map((n) => `eBPF map_type ${short(n, "BPF_MAP_TYPE_")} is NOT available`),
    "",
    ...(p.withHelpers ? ["Scanning eBPF helper functions...", "eBPF helpers supported for program type kprobe:", ...p.helpers.map((h) => `\t- bpf_${h}`)] : []),
    "",
    "Scanning miscellaneous eBPF features...",
  ];
  return lines.join(p.crlf ? "\r\n" : "\n");
}

function asJson(p: Probe): string {
  return JSON.stringify({
    system_config: { unprivileged_bpf_disabled: 1 },
    program_types: Object.fromEntries([...p.progsOn.map((n) => [`have_${short(n, "BPF_PROG_TYPE_")}_prog_type`, true]), ...p.progsOff.map((n) => [`have_${short(n, "BPF_PROG_TYPE_")}_prog_type`, false])]),
    map_types: Object.fromEntries([...p.mapsOn.map((n) => [`have_${short(n, "BPF_MAP_TYPE_")}_map_type`, true]), ...p.mapsOff.map((n) => [`have_${short(n, "BPF_MAP_TYPE_")}_map_type`, false])]),
    ...(p.withHelpers ? { helpers: { kprobe_available_helpers: p.helpers.map((h) => `bpf_${h}`) } } : {}),
  });
}

const sorted = (s: Iterable<string>) => [...s].sort();

describe("parseProbe (properties)", () => {
  it("never throws on any text, any JSON, or JSON shaped like a probe with odd values", () => {
    const oddProbe = fc.record({ program_types: fc.jsonValue(), map_types: fc.jsonValue(), helpers: fc.jsonValue(), system_config: fc.jsonValue() }, { requiredKeys: [] });
    const input = fc.oneof(
      fc.string({ unit: "binary", maxLength: 500 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      oddProbe.map((v) => JSON.stringify(v)),
      fc.array(fc.constantFrom("eBPF program_type ", "eBPF map_type ", "x", " is ", "NOT ", "available", "\n", "- bpf_", "kernel_release: ", "5.4", "{", "}", '"program_types":'), { maxLength: 40 }).map((p) => p.join("")),
    );
    fc.assert(
      fc.property(input, (text) => {
        const p = parseProbe(text);
        if (p) expect(["text", "json"]).toContain(p.format);
      }),
      { seed: 6001, numRuns: 1000 },
    );
  });

  it("a probe written as text or as JSON reads back as what it was written from, with no kernel release", () => {
    fc.assert(
      fc.property(probe, (p) => {
        for (const [format, written] of [["text", asText(p)], ["json", asJson(p)]] as const) {
          const r = parseProbe(written);
          expect(r?.format).toBe(format);
          expect(sorted(r!.progTypes.available)).toEqual(sorted(p.progsOn));
          expect(sorted(r!.progTypes.missing)).toEqual(sorted(p.progsOff));
          expect(sorted(r!.mapTypes.available)).toEqual(sorted(p.mapsOn));
          expect(sorted(r!.mapTypes.missing)).toEqual(sorted(p.mapsOff));
          expect(r!.hasHelperSection).toBe(p.withHelpers);
          expect(sorted(r!.helpers)).toEqual(p.withHelpers ? sorted(p.helpers) : []);
          expect(r!.kernelRelease).toBeNull();
        }
      }),
      { seed: 6002, numRuns: 300 },
    );
  });

  it("the kernel report takes no version from a probe that names none, and shows a bounded input for any text", () => {
    const text = fc.oneof(
      probe.map(asText),
      probe.map(asJson),
      fc.string({ unit: "binary", maxLength: 400 }),
      fc.tuple(fc.constantFrom("5.4.0-189-generic", "Linux n 5.10.0-9-amd64 #1 SMP", "kernel_release: 6.1.0-"), fc.string({ maxLength: 400 }), fc.integer({ min: 0, max: 2000 })).map(([v, s, n]) => v + s.repeat(n % 50)),
    );
    fc.assert(
      fc.property(text, (input) => {
        let r;
        try {
          r = kernelReport(input, []);
        } catch (e) {
          if (e instanceof KernelInputError) return;
          throw e;
        }
        if (r.input !== null) expect(r.input.length).toBeLessThanOrEqual(MAX_INPUT_DISPLAY_CHARS);
        if (r.basis === "probe" && parseProbe(input)?.kernelRelease === null) expect(r.version).toBeNull();
      }),
      { seed: 6003, numRuns: 300 },
    );
  });
});
