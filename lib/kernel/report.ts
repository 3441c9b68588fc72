/**
 * "What breaks on my kernel": from a version (as `uname -r`/`uname -a` print it) and optionally
 * `bpftool feature probe` output, the helpers, program and map types the kernel lacks, the records
 * whose affected range contains it, and the tool requirements it does not meet. Pure: runs in the
 * browser, the CLI and tests.
 */
import { guessDistro, type DistroGuess } from "@/lib/kernel/backports";
import { helperDisplayName, missingOn, type KernelFact } from "@/lib/kernel/facts";
import { parseProbe, probeMissing, type ProbeResult } from "@/lib/kernel/probe";
import { TOOL_REQUIREMENTS, type ToolRequirement } from "@/lib/kernel/requirements";
import { atLeast, formatVersion, parseKernelVersion, type KernelVersion } from "@/lib/kernel/version";
import { rangeOf } from "@/lib/facets";
import type { IssueSummary } from "@/lib/records/record";
import { quoteForMessage } from "@/lib/quote";

export interface MissingFact {
  id: number;
  /** As the kernel's tables spell it: `ktime_get_boot_ns`, `BPF_PROG_TYPE_LSM`. */
  name: string;
  /** As people search for it: `bpf_ktime_get_boot_ns`; the enum name for types. */
  fullName: string;
  sinceKernel: string | null;
}

export interface KernelReport {
  /**
   * The version as given (`5.4.0-189-generic`, a `uname -a` line), or null when only a probe was given.
   * At most MAX_INPUT_DISPLAY_CHARS: longer input (a log, a whole probe) shows the version as it was
   * written there, not the whole text.
   */
  input: string | null;
  /** Mainline numbering, `5.4.0`. */
  version: string | null;
  distro: DistroGuess | null;
  /** "version" when the lists come from the version number, "probe" when from bpftool's output. */
  basis: "version" | "probe";
  probe: { format: ProbeResult["format"]; progTypes: number; mapTypes: number; helpers: number } | null;
  missingHelpers: MissingFact[];
  missingProgTypes: MissingFact[];
  missingMapTypes: MissingFact[];
  /** Records whose affected kernel range contains this version. */
  incidents: { slug: string; title: string; kind: IssueSummary["kind"]; range: string; label: string }[];
  requirements: (ToolRequirement & { met: boolean })[];
}

const toMissing = (f: KernelFact, helper: boolean): MissingFact => ({
  id: f.id,
  name: f.name,
  fullName: helper ? helperDisplayName(f) : f.name,
  sinceKernel: f.sinceKernel,
});

export class KernelInputError extends Error {}

/** The longest `input` a report shows (a `uname -a` line fits). */
export const MAX_INPUT_DISPLAY_CHARS = 160;

/** What the report shows as its input: the text when it is one short line, else the version as written in it. */
function displayInput(text: string, version: KernelVersion): string {
  const t = text.trim();
  const shown = t.length <= MAX_INPUT_DISPLAY_CHARS && !/[\r\n]/.test(t) ? t : version.raw;
  return shown.length <= MAX_INPUT_DISPLAY_CHARS ? shown : `${shown.slice(0, MAX_INPUT_DISPLAY_CHARS - 1)}…`;
}

/** Builds the report. `input` may hold a version, `uname -a`, probe output, or a version and a probe. */
export function kernelReport(input: string, records: IssueSummary[], probeText?: string): KernelReport {
  const probe = parseProbe(probeText ?? input);
  const versionText = probe && !probeText ? (probe.kernelRelease ?? "") : input;
  const version: KernelVersion | null = parseKernelVersion(versionText) ?? (probe?.kernelRelease ? parseKernelVersion(probe.kernelRelease) : null);
  if (!version && !probe) {
    throw new KernelInputError(
      `${quoteForMessage(input.trim().slice(0, 400).replace(/\s+/g, " "))} is neither a kernel version (as uname -r prints it, e.g. 5.4.0-189-generic) nor bpftool feature probe output`,
    );
  }

  let helpers: MissingFact[] = [];
  let progTypes: MissingFact[] = [];
  let mapTypes: MissingFact[] = [];
  if (probe) {
    const m = probeMissing(probe);
    helpers = (m.helpers.length || probe.hasHelperSection || !version ? m.helpers : missingOn("helper", version)).map((f) => toMissing(f, true));
    progTypes = m.progTypes.map((f) => toMissing(f, false));
    mapTypes = m.mapTypes.map((f) => toMissing(f, false));
  } else if (version) {
    helpers = missingOn("helper", version).map((f) => toMissing(f, true));
    progTypes = missingOn("prog-type", version).map((f) => toMissing(f, false));
    mapTypes = missingOn("map-type", version).map((f) => toMissing(f, false));
  }

  const incidents = version
    ? records.flatMap((r) => {
        const range = rangeOf(r);
        return range?.affects(version) ? [{ slug: r.slug, title: r.title, kind: r.kind, range: range.source, label: r.kernel.label }] : [];
      })
    : [];

  const requirements = version
    ? TOOL_REQUIREMENTS.map((req) => ({ ...req, met: atLeast(version, req.minKernel) }))
    : [];

  const shown = version ? displayInput(versionText, version) : null;
  return {
    input: shown,
    version: version ? formatVersion(version) : null,
    distro: version ? guessDistro(`${version.raw} ${shown}`) : null,
    basis: probe ? "probe" : "version",
    probe: probe
      ? {
          format: probe.format,
          progTypes: probe.progTypes.available.size,
          mapTypes: probe.mapTypes.available.size,
          helpers: probe.helpers.size,
        }
      : null,
    missingHelpers: helpers,
    missingProgTypes: progTypes,
    missingMapTypes: mapTypes,
    incidents,
    requirements,
  };
}
