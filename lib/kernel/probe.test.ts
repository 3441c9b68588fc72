import { describe, expect, it } from "vitest";

import { guessDistro } from "@/lib/kernel/backports";
import { jsonDepthWithin, parseProbe, looksLikeProbe } from "@/lib/kernel/probe";
import { kernelReport, KernelInputError, MAX_INPUT_DISPLAY_CHARS } from "@/lib/kernel/report";

// The shape `bpftool feature probe kernel` prints (plain text), cut to a few lines of each section.
const TEXT_PROBE = `Scanning system configuration...
bpf() syscall for unprivileged users is disabled
JIT compiler is enabled
CONFIG_BPF is set to y
CONFIG_DEBUG_INFO_BTF is set to y

Scanning system call availability...
bpf() syscall is available

Scanning eBPF program types...
eBPF program_type socket_filter is available
eBPF program_type kprobe is available
eBPF program_type lsm is NOT available

Scanning eBPF map types...
eBPF map_type hash is available
eBPF map_type ringbuf is NOT available

Scanning eBPF helper functions...
eBPF helpers supported for program type socket_filter:
	- bpf_map_lookup_elem
	- bpf_ktime_get_ns
eBPF helpers supported for program type kprobe:
	- bpf_map_lookup_elem
	- bpf_ktime_get_boot_ns
`;

// The shape of `bpftool -j feature probe kernel`.
const JSON_PROBE = JSON.stringify({
  system_config: { unprivileged_bpf_disabled: 1, CONFIG_BPF: "y" },
  syscall_config: { have_bpf_syscall: true },
  program_types: { have_socket_filter_prog_type: true, have_lsm_prog_type: false },
  map_types: { have_hash_map_type: true, have_ringbuf_map_type: false },
  helpers: { socket_filter_available_helpers: ["bpf_map_lookup_elem"], kprobe_available_helpers: ["bpf_ktime_get_boot_ns"] },
  misc: {},
});

describe("parseProbe", () => {
  it("reads plain-text probe output", () => {
    const p = parseProbe(TEXT_PROBE);
    expect(p?.format).toBe("text");
    expect([...(p?.progTypes.available ?? [])]).toEqual(["BPF_PROG_TYPE_SOCKET_FILTER", "BPF_PROG_TYPE_KPROBE"]);
    expect([...(p?.progTypes.missing ?? [])]).toEqual(["BPF_PROG_TYPE_LSM"]);
    expect([...(p?.mapTypes.missing ?? [])]).toEqual(["BPF_MAP_TYPE_RINGBUF"]);
    expect(p?.helpers.has("ktime_get_boot_ns")).toBe(true);
    expect(p?.helpers.has("loop")).toBe(false);
  });

  it("reads -j JSON probe output", () => {
    const p = parseProbe(JSON_PROBE);
    expect(p?.format).toBe("json");
    expect(p?.progTypes.missing.has("BPF_PROG_TYPE_LSM")).toBe(true);
    expect(p?.mapTypes.available.has("BPF_MAP_TYPE_HASH")).toBe(true);
    expect(p?.helpers.has("ktime_get_boot_ns")).toBe(true);
  });

  it("does not parse JSON nested deeper than a probe ever is (a million levels took 0.9 s)", () => {
    expect(jsonDepthWithin('{"a":[{"b":"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\"]"}]}', 3)).toBe(true);
    expect(jsonDepthWithin(`{"a":${"[".repeat(4)}${"]".repeat(4)}}`, 4)).toBe(false);
    const deep = `{"program_types":{"have_kprobe_prog_type":true},"x":${"[".repeat(500_000)}${"]".repeat(500_000)}}`;
    // Not handed to JSON.parse (which would build a million arrays and read it as JSON): read as text, where
    // the key names it a probe but no line is one of bpftool's.
    const p = parseProbe(deep);
    expect(p?.format).toBe("text");
    expect(p?.progTypes.available.size).toBe(0);
  });

  it("refuses text that is not a probe", () => {
    expect(parseProbe("5.4.0-189-generic")).toBeNull();
    expect(parseProbe("{not json")).toBeNull();
    expect(looksLikeProbe("hello")).toBe(false);
  });
});

describe("kernelReport", () => {
  it("lists helper 125 as missing on 5.4 from the version alone, but not once a probe shows it", () => {
    const byVersion = kernelReport("5.4.0-189-generic", []);
    expect(byVersion.basis).toBe("version");
    expect(byVersion.missingHelpers.find((h) => h.id === 125)).toMatchObject({ name: "ktime_get_boot_ns", sinceKernel: "5.8" });
    const withProbe = kernelReport("5.4.0-189-generic", [], TEXT_PROBE);
    expect(withProbe.basis).toBe("probe");
    expect(withProbe.missingHelpers.some((h) => h.id === 125)).toBe(false);
    expect(withProbe.missingProgTypes.map((t) => t.name)).toEqual(["BPF_PROG_TYPE_LSM"]);
  });

  it("throws a KernelInputError for input that is neither a version nor a probe", () => {
    expect(() => kernelReport("hello world", [])).toThrow(KernelInputError);
    expect(() => kernelReport(`hello\n${"world ".repeat(100_000)}`, [])).toThrow(/^"hello world world [^\n]{0,80}" is neither/);
  });

  it("a probe without a kernel release line reads no version, whatever X.Y its text holds", () => {
    const r = kernelReport(`${TEXT_PROBE}bpftool v7.3.0 using libbpf v1.3\nLinux 5.4 and 4.19.0\n`, []);
    expect(r.version).toBeNull();
    expect(r.input).toBeNull();
    expect(r.basis).toBe("probe");
    expect(r.incidents).toEqual([]);
  });

  it("shows a short excerpt as its input, never the whole text", () => {
    expect(kernelReport("  5.4.0-189-generic\n", []).input).toBe("5.4.0-189-generic");
    const unameA = "Linux node-1 5.15.0-1042-azure #49-Ubuntu SMP Tue Jul 11 15:19:22 UTC 2023 x86_64 x86_64 x86_64 GNU/Linux";
    expect(kernelReport(unameA, []).input).toBe(unameA);
    const long = kernelReport(`5.4.0-189-generic ${"x ".repeat(100_000)}`, []);
    expect(long.input).toBe("5.4.0-189-generic");
    expect(long.distro?.distro).toContain("Ubuntu");
    const json = kernelReport(JSON.stringify({ program_types: {}, system_config: { kernel_release: `5.4.0-${"a".repeat(100_000)}` } }), []);
    expect(json.version).toBe("5.4.0");
    expect(json.input!.length).toBeLessThanOrEqual(MAX_INPUT_DISPLAY_CHARS);
    const text = kernelReport(`${TEXT_PROBE}kernel_release: 5.10.0-${"b".repeat(100_000)}\n`, []);
    expect(text.version).toBe("5.10.0");
    expect(text.input!.length).toBeLessThanOrEqual(MAX_INPUT_DISPLAY_CHARS);
  });
});

describe("guessDistro", () => {
  it.each([
    ["4.18.0-553.el8_10.x86_64", "Red Hat", true],
    ["5.4.17-2136.300.7.el8uek.x86_64", "Oracle", true],
    ["6.12.63-84.121.amzn2023.x86_64", "Amazon", true],
    ["5.15.0-1042-azure", "Ubuntu cloud", true],
    ["5.4.0-189-generic", "Ubuntu", true],
    ["5.4.257-1.el7.elrepo.x86_64", "ELRepo", false],
    ["6.1.0-9-amd64", "Debian", false],
  ])("%s → %s (backports: %s)", (release, distro, backports) => {
    const g = guessDistro(release);
    expect(g?.distro).toContain(distro);
    expect(g?.backports).toBe(backports);
  });

  it("says nothing for a plain mainline version", () => {
    expect(guessDistro("6.6.30")).toBeNull();
  });
});
