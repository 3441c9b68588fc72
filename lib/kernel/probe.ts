/**
 * Reads `bpftool feature probe` output, plain text or `-j` JSON, into what the node actually has:
 * the program types, map types and helpers it reports. A probe is the authority that a version
 * number only approximates (distribution kernels backport BPF features).
 */
import { allFacts } from "@/lib/kernel/facts";

export interface ProbeResult {
  format: "text" | "json";
  /** Enum names (BPF_PROG_TYPE_KPROBE) the probe reports, split by availability. */
  progTypes: { available: Set<string>; missing: Set<string> };
  mapTypes: { available: Set<string>; missing: Set<string> };
  /** Helper names without the bpf_ prefix, available to at least one program type. */
  helpers: Set<string>;
  /** True when the probe listed helpers at all (older or filtered probes may not). */
  hasHelperSection: boolean;
  /** The kernel release, when the probe output names it (bpftool prints it in some versions). */
  kernelRelease: string | null;
}

const MAX_PROBE_CHARS = 2_000_000;

const progEnum = (short: string) => `BPF_PROG_TYPE_${short.toUpperCase()}`;
const mapEnum = (short: string) => `BPF_MAP_TYPE_${short.toUpperCase()}`;

function empty(format: ProbeResult["format"]): ProbeResult {
  return {
    format,
    progTypes: { available: new Set(), missing: new Set() },
    mapTypes: { available: new Set(), missing: new Set() },
    helpers: new Set(),
    hasHelperSection: false,
    kernelRelease: null,
  };
}

/** True when `text` looks like bpftool feature probe output (either format). */
export function looksLikeProbe(text: string): boolean {
  return /eBPF (program_type|map_type) \w+ is (NOT )?available/.test(text) || /"(program_types|map_types)"\s*:/.test(text);
}

function parseJson(data: unknown): ProbeResult | null {
  if (!data || typeof data !== "object") return null;
  const root = data as Record<string, unknown>;
  if (!("program_types" in root) && !("map_types" in root)) return null;
  const out = empty("json");
  const progs = root.program_types as Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(progs ?? {})) {
    const m = /^have_(\w+)_prog_type$/.exec(key);
    if (m?.[1]) (value === true ? out.progTypes.available : out.progTypes.missing).add(progEnum(m[1]));
  }
  const maps = root.map_types as Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(maps ?? {})) {
    const m = /^have_(\w+)_map_type$/.exec(key);
    if (m?.[1]) (value === true ? out.mapTypes.available : out.mapTypes.missing).add(mapEnum(m[1]));
  }
  const helpers = root.helpers as Record<string, unknown> | undefined;
  if (helpers && typeof helpers === "object") {
    out.hasHelperSection = true;
    for (const list of Object.values(helpers)) {
      if (Array.isArray(list)) for (const h of list) if (typeof h === "string") out.helpers.add(h.replace(/^bpf_/, ""));
    }
  }
  const sys = root.system_config as Record<string, unknown> | undefined;
  if (sys && typeof sys.kernel_release === "string") out.kernelRelease = sys.kernel_release;
  return out;
}

/** bpftool's JSON nests three levels; anything much deeper is not a probe. */
const MAX_JSON_DEPTH = 32;

/** True when `json` nests [ and { (outside strings) no deeper than `max`. One pass, no parse. */
export function jsonDepthWithin(json: string, max: number): boolean {
  let depth = 0;
  for (let i = 0; i < json.length; i++) {
    const ch = json.charCodeAt(i);
    if (ch === 0x22) {
      // Skip a string: to the next quote that no backslash escapes.
      for (i++; i < json.length && json.charCodeAt(i) !== 0x22; i++) if (json.charCodeAt(i) === 0x5c) i++;
    } else if (ch === 0x5b || ch === 0x7b) {
      if (++depth > max) return false;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return true;
}

export function parseProbe(input: string): ProbeResult | null {
  const text = input.slice(0, MAX_PROBE_CHARS);
  const trimmed = text.trim();
  // JSON.parse builds every level before it can fail: a million nested [ cost 0.9 s and a full collection.
  if (trimmed.startsWith("{") && jsonDepthWithin(trimmed, MAX_JSON_DEPTH)) {
    try {
      return parseJson(JSON.parse(trimmed));
    } catch {
      // Not JSON after all (or cut): fall through to the text reader.
    }
  }
  if (!looksLikeProbe(text)) return null;
  const out = empty("text");
  let inHelpers = false;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    let m = /^eBPF program_type (\w+) is (NOT )?available/.exec(line);
    if (m?.[1]) {
      (m[2] ? out.progTypes.missing : out.progTypes.available).add(progEnum(m[1]));
      continue;
    }
    m = /^eBPF map_type (\w+) is (NOT )?available/.exec(line);
    if (m?.[1]) {
      (m[2] ? out.mapTypes.missing : out.mapTypes.available).add(mapEnum(m[1]));
      continue;
    }
    if (/^eBPF helpers supported for program type \w+:?/.test(line)) {
      inHelpers = true;
      out.hasHelperSection = true;
      continue;
    }
    m = /^- (bpf_\w+)$/.exec(line);
    if (inHelpers && m?.[1]) {
      out.helpers.add(m[1].replace(/^bpf_/, ""));
      continue;
    }
    m = /kernel[_ ]release[:= ]+"?([\w.+~-]+)"?/i.exec(line);
    if (m?.[1]) out.kernelRelease = m[1];
    if (line.startsWith("Scanning")) inHelpers = false;
  }
  return out;
}

/** Facts (by enum or helper name) that the probe reports as missing. */
export function probeMissing(probe: ProbeResult) {
  const helpers = probe.hasHelperSection
    ? allFacts("helper").filter((f) => f.sinceKernel !== null && !probe.helpers.has(f.name))
    : [];
  return {
    helpers,
    progTypes: allFacts("prog-type").filter((f) => probe.progTypes.missing.has(f.name)),
    mapTypes: allFacts("map-type").filter((f) => probe.mapTypes.missing.has(f.name)),
  };
}
