/**
 * Signals: the facts a paste states about itself, read from its unwrapped lines by a table of rules
 * (SIGNAL_RULES): helper references, errno values, the kernel it ran on, the components and versions it
 * names, subsystem words, type ids, loader placeholder values and omitted-line counts. Scoring compares
 * them with a record's own; decoding explains them.
 */
import { componentMatchers, type ComponentKind, type ComponentMatcher } from "@/lib/match/tool-aliases";
import { githubThreadsIn } from "@/lib/github-ref";
import type { LogicalLine } from "@/lib/match/unwrap";
import { helperByNameLookup } from "@/lib/kernel/facts";
import { parseKernelVersion, type KernelVersion } from "@/lib/kernel/version";
import type { Subsystem } from "@/lib/records/vocabulary";

export type HelperRole = "missing" | "not-allowed" | "call";

export interface HelperSignal {
  id: number;
  /** The name the message printed (`bpf_skb_output`), if any. */
  name: string | null;
  role: HelperRole;
  lines: number[];
  text: string;
}

export interface ErrnoSignal {
  name: string;
  code: number;
  lines: number[];
  text: string;
}

export interface KernelSignal {
  version: KernelVersion;
  how: "uname-a" | "phrase" | "uname-r";
  lines: number[];
  text: string;
}

export interface ComponentSignal {
  id: string;
  kind: ComponentKind;
  version: string | null;
  lines: number[];
  text: string;
}

export interface TypeSignal {
  kind: "prog-type" | "map-type";
  id: number | null;
  name: string | null;
  lines: number[];
  text: string;
}

export interface PlaceholderSignal {
  value: number;
  lines: number[];
  text: string;
}

export interface Signals {
  helpers: HelperSignal[];
  errnos: ErrnoSignal[];
  /** The best kernel candidate (uname -a beats a phrase beats a uname -r-like token), or null. */
  kernel: KernelSignal | null;
  kernels: KernelSignal[];
  components: ComponentSignal[];
  subsystems: { id: Subsystem; lines: number[] }[];
  types: TypeSignal[];
  placeholders: PlaceholderSignal[];
  /** cilium/ebpf's "(N line(s) omitted)"; `keptNothing` when its error kept no verifier line before it. */
  omitted: { count: number; lines: number[]; keptNothing?: boolean }[];
  /** GitHub threads the paste names (`owner/repo#N`), e.g. a link pasted with the log. */
  citations: { key: string; text: string; lines: number[] }[];
}

/** errno numbers and the text strerror(3) gives for them (Linux, x86-64 and arm64 alike). */
export const ERRNOS: readonly { name: string; code: number; text: string | null }[] = [
  { name: "EPERM", code: 1, text: "operation not permitted" },
  { name: "ENOENT", code: 2, text: "no such file or directory" },
  { name: "ESRCH", code: 3, text: "no such process" },
  { name: "EINTR", code: 4, text: "interrupted system call" },
  { name: "EIO", code: 5, text: "input/output error" },
  { name: "ENXIO", code: 6, text: "no such device or address" },
  { name: "E2BIG", code: 7, text: "argument list too long" },
  { name: "EBADF", code: 9, text: "bad file descriptor" },
  { name: "EAGAIN", code: 11, text: "resource temporarily unavailable" },
  { name: "ENOMEM", code: 12, text: "cannot allocate memory" },
  { name: "EACCES", code: 13, text: "permission denied" },
  { name: "EFAULT", code: 14, text: "bad address" },
  { name: "EBUSY", code: 16, text: "device or resource busy" },
  { name: "EEXIST", code: 17, text: "file exists" },
  { name: "ENODEV", code: 19, text: "no such device" },
  { name: "EINVAL", code: 22, text: "invalid argument" },
  { name: "ENOSPC", code: 28, text: "no space left on device" },
  { name: "ERANGE", code: 34, text: "numerical result out of range" },
  { name: "ENOSYS", code: 38, text: "function not implemented" },
  { name: "ELOOP", code: 40, text: "too many levels of symbolic links" },
  { name: "EOVERFLOW", code: 75, text: "value too large for defined data type" },
  { name: "EPROTONOSUPPORT", code: 93, text: "protocol not supported" },
  { name: "EOPNOTSUPP", code: 95, text: "operation not supported" },
  { name: "EAFNOSUPPORT", code: 97, text: "address family not supported by protocol" },
  { name: "EADDRINUSE", code: 98, text: "address already in use" },
  { name: "ENOBUFS", code: 105, text: "no buffer space available" },
  { name: "ETIMEDOUT", code: 110, text: "connection timed out" },
  { name: "ENOTSUPP", code: 524, text: "unknown error 524" },
];

const ERRNO_BY_NAME = new Map(ERRNOS.map((e) => [e.name, e]));
const ERRNO_BY_CODE = new Map(ERRNOS.map((e) => [e.code, e]));

export function errnoByName(name: string): (typeof ERRNOS)[number] | null {
  const up = name.toUpperCase();
  return ERRNO_BY_NAME.get(up === "ENOTSUP" ? "EOPNOTSUPP" : up) ?? null;
}

export function errnoByCode(code: number): (typeof ERRNOS)[number] | null {
  return ERRNO_BY_CODE.get(code) ?? null;
}

// Longest texts first so "no such device or address" wins over "no such device".
const ERRNO_TEXT_RE = new RegExp(
  `\\b(${[...ERRNOS]
    .filter((e) => e.text)
    .map((e) => e.text as string)
    .sort((a, b) => b.length - a.length)
    .map((t) => t.replace(/[/]/g, "\\/"))
    .join("|")})\\b`,
  "gi",
);
const ERRNO_NAME_RE = new RegExp(`(?<![\\w])-?(${ERRNOS.map((e) => e.name).join("|")}|ENOTSUP)\\b`, "g");
// -22 after a colon, "=" or a word that introduces an error code; "errno: 1"; "Invalid argument(22)" is read as text.
const ERRNO_NUMBER_RE = /(?:[:(]\s?|\b(?:err|error|ret|returned|errno|code|rc|result)\s?[:=]?\s?)(-?)(\d{1,3})(?![\d.]|\s?(?:line|insn|bytes|ms|s\b))/gi;

/** Loader placeholder values: libbpf's CO-RE and map/kfunc poison, cilium/ebpf's kfunc poison. */
export function isPlaceholderValue(n: number): boolean {
  return n === 195896080 || n === 233685214 || (n >= 2001000000 && n < 2003000000);
}

const KERNEL_DISTRO_SUFFIX =
  /(?<![\w.])(\d\.\d{1,2}\.\d{1,4}-[\w.+~-]{0,60}?(?:generic|lowlatency|amd64|arm64|aws|azure|gke|gcp|linuxkit|cloud|virtual|kvm|oem|rt\d*|el\d[\w.]*|fc\d{2}[\w.]*|amzn\d[\w.]*|x86_64|aarch64|elrepo[\w.]*|microsoft-standard[\w-]*|talos|flatcar|cos|coreos|rpi\w*|raspi|default|\d{1,5}))(?![\w.-])/g;
const KERNEL_PHRASE =
  /(?:\bkernel|内核|\bLinux)(?:\s{0,3}(?:version|release|版本号?|is|of|=|:|：|为|是|v)){0,3}\s{0,3}[:：=]?\s{0,3}v?(\d\.\d{1,2}(?:\.\d{1,4})?(?:[-+~][\w.+~-]{0,60})?)(?![\w.])/gi;
const KERNEL_PHRASE_AFTER = /(?<![\w.])(\d\.\d{1,2}(?:\.\d{1,4})?)(?:[-+.][\w.+-]{0,40})?\s{1,3}(?:kernels?\b|内核)/gi;
const UNAME_A = /\bLinux\s+[\w.-]{1,253}\s+(\d\.\d{1,2}\.\d{1,4}[\w.+~-]{0,80})\s+#\d/;

const SUBSYSTEM_WORDS: readonly [Subsystem, RegExp][] = [
  ["xdp", /\bxdp|\bXDP/i],
  ["btf", /\bbtf\b|\.BTF\b|\bvmlinux\b|BTF_KIND|\bbtf_/i],
  ["tc", /\b(?:tc|TC|clsact|sched_cls|sched_act|tcx|cls_bpf)\b/],
  ["netlink", /netlink/i],
  ["kprobe", /\bk(?:ret)?probes?\b|kprobe_multi|\bkprobe/i],
  ["fentry", /\bf(?:entry|exit)\b|fmod_ret|TRACE_FENTRY|TRACE_FEXIT|\bfentry_|\bfexit_/i],
  ["tracepoint", /tracepoint|\braw_tp\b|\btp_btf\b|raw_tracepoint/i],
  ["uprobe", /\bu(?:ret)?probes?\b|uprobe_multi/i],
  ["lsm", /\blsm\b|BPF_LSM|lsm\//i],
  ["cgroup", /cgroup/i],
  ["sockops", /sock_?ops/i],
  ["perf-event", /perf_event|perf event|\bpmu_fd\b/i],
  ["ringbuf", /ringbuf|ring buffer/i],
  ["co-re", /\bCO-RE\b|\brelo #|\brelocation|core_relo|0xbad2310|195896080/i],
  ["memlock", /memlock|ulimit -l/i],
  ["capabilities", /\bCAP_[A-Z_]{3,}|capabilit/i],
  ["verifier", /verifier|processed \d+ insns|invalid mem access|invalid func|back-edge|unreachable insn|invalid indirect read/i],
  ["kfuncs", /kfunc/i],
  ["maps", /\bBPF_MAP_|\bmap_create\b|map create|create map|\bmaps? [\w.]+: /i],
  ["kernel-config", /\bCONFIG_[A-Z0-9_]{2,}/],
  ["helpers", /\bhelper\b|unknown func|invalid func|cannot use helper/i],
  ["loader", /libbpf|load program|failed to load|loading objects|load BPF|bpf_object/i],
];

interface Acc<T extends { lines: number[] }> {
  map: Map<string, T>;
}

function add<T extends { lines: number[] }>(acc: Acc<T>, key: string, value: T, lines: readonly number[]) {
  const seen = acc.map.get(key);
  if (seen) {
    for (const n of lines) if (seen.lines.length < 20 && !seen.lines.includes(n)) seen.lines.push(n);
    return;
  }
  acc.map.set(key, { ...value, lines: [...lines] });
}

const acc = <T extends { lines: number[] }>(): Acc<T> => ({ map: new Map() });

/** errno names a line states, by text, name or negative number: a light reader for record error texts. */
export function errnosIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(ERRNO_TEXT_RE)) {
    const e = ERRNOS.find((x) => x.text === (m[1] ?? "").toLowerCase());
    if (e) out.add(e.name);
  }
  for (const m of text.matchAll(ERRNO_NAME_RE)) {
    const e = errnoByName(m[1] ?? "");
    if (e) out.add(e.name);
  }
  for (const m of text.matchAll(ERRNO_NUMBER_RE)) {
    if (!m[1] && !/errno/i.test(m[0])) continue;
    const e = errnoByCode(Number(m[2]));
    if (e) out.add(e.name);
  }
  return [...out];
}

export interface SignalOptions {
  /** Matchers from componentMatchers(), built once per index. */
  components?: ComponentMatcher[];
}

const defaultMatchers = componentMatchers();

/** What the rules collect while reading the lines; each map is keyed so a fact seen twice is kept once. */
interface Collected {
  helpers: Acc<HelperSignal>;
  errnos: Acc<ErrnoSignal>;
  kernels: KernelSignal[];
  components: Acc<ComponentSignal>;
  subsystems: Acc<{ id: Subsystem; lines: number[] }>;
  types: Acc<TypeSignal>;
  placeholders: Acc<PlaceholderSignal>;
  omitted: Acc<{ count: number; lines: number[]; keptNothing?: boolean }>;
  citations: Acc<{ key: string; text: string; lines: number[] }>;
  matchers: ComponentMatcher[];
}

/** One kind of fact a line can state. `when` is a cheap test that holds whenever `read` could find one. */
interface SignalRule {
  name: string;
  when?: RegExp;
  read(line: LogicalLine, c: Collected): void;
}

function addHelper(c: Collected, idText: string, name: string | null, role: HelperRole, text: string, lines: readonly number[]) {
  const id = Number(idText);
  if (!Number.isSafeInteger(id)) return;
  if (isPlaceholderValue(id)) {
    add(c.placeholders, String(id), { value: id, text, lines: [] }, lines);
    return;
  }
  const key = `${id}`;
  const seen = c.helpers.map.get(key);
  // An error role beats a plain call of the same helper; keep the name the kernel printed.
  if (seen && role !== "call" && seen.role === "call") {
    seen.role = role;
    seen.text = text;
  }
  if (seen && !seen.name && name) seen.name = name;
  add(c.helpers, key, { id, name, role, text, lines: [] }, lines);
}

function each(re: RegExp, text: string, fn: (m: RegExpExecArray) => void) {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) fn(m);
}

const SIGNAL_RULES: readonly SignalRule[] = [
  {
    name: "helpers",
    when: /#\d|HINT: /,
    read({ text: t, lines: ln }, c) {
      each(/\bunknown func (bpf_\w{1,64}|\w{1,64})#(\d{1,10})/g, t, (m) => addHelper(c, m[2] ?? "", m[1] ?? null, "not-allowed", m[0], ln));
      each(/cannot use helper (bpf_\w{1,64}|\w{1,64})#(\d{1,10})/g, t, (m) => addHelper(c, m[2] ?? "", m[1] ?? null, "not-allowed", m[0], ln));
      // 5.x kernels: "func bpf_get_func_ip#173 not supported for program type 3".
      each(/\bfunc (bpf_\w{1,64})#(\d{1,10}) not supported for program type (\d{1,3})/g, t, (m) => {
        addHelper(c, m[2] ?? "", m[1] ?? null, "not-allowed", m[0], ln);
        add(c.types, `prog-type:${m[3]}`, { kind: "prog-type", id: Number(m[3]), name: null, text: m[0], lines: [] }, ln);
      });
      each(/(\bcall |\binvalid func )?\bunknown#(\d{1,10})/g, t, (m) => addHelper(c, m[2] ?? "", null, m[1]?.startsWith("call") ? "call" : "missing", m[0].trim(), ln));
      each(/\bcall (bpf_\w{1,64})#(\d{1,10})/g, t, (m) => addHelper(c, m[2] ?? "", m[1] ?? null, "call", m[0], ln));
      const hint = /HINT: (bpf_\w{1,64}) missing/.exec(t);
      const hinted = hint?.[1] ? helperByNameLookup(hint[1]) : null;
      if (hint && hinted) addHelper(c, String(hinted.id), hint[1] ?? null, "missing", hint[0], ln);
    },
  },
  {
    // Placeholders written out on their own (`r1 = 195896080`, `call 0xbad2310`).
    name: "placeholders",
    when: /\d{9}|0x[0-9a-fA-F]{7}/,
    read({ text: t, lines: ln }, c) {
      each(/\b(?:0x([0-9a-fA-F]{7,8})|(\d{9,10}))\b/g, t, (m) => {
        const value = m[1] ? parseInt(m[1], 16) : Number(m[2]);
        if (isPlaceholderValue(value)) add(c.placeholders, String(value), { value, text: m[0], lines: [] }, ln);
      });
    },
  },
  {
    name: "errnos",
    read(line, c) {
      const { text: t, lines: ln } = line;
      each(ERRNO_TEXT_RE, t, (m) => {
        const e = ERRNOS.find((x) => x.text === (m[1] ?? "").toLowerCase());
        if (e) add(c.errnos, e.name, { name: e.name, code: e.code, text: m[0], lines: [] }, ln);
      });
      each(ERRNO_NAME_RE, t, (m) => {
        const e = errnoByName(m[1] ?? "");
        if (e) add(c.errnos, e.name, { name: e.name, code: e.code, text: m[0], lines: [] }, ln);
      });
      // Numbers are read from the normalized line when there is one: register states (R2_w=-1) are masked there.
      const numbers = "norm" in line && typeof line.norm === "string" ? line.norm : t;
      each(ERRNO_NUMBER_RE, numbers, (m) => {
        // A bare positive number is an errno only after "errno"; elsewhere only its negative form.
        if (!m[1] && !/errno/i.test(m[0])) return;
        const e = errnoByCode(Number(m[2]));
        if (e) add(c.errnos, e.name, { name: e.name, code: e.code, text: m[0].trim(), lines: [] }, ln);
      });
    },
  },
  {
    name: "kernel",
    when: /\d\.\d/,
    read({ text: t, lines: ln }, c) {
      const unameA = UNAME_A.exec(t);
      if (unameA?.[1]) {
        const v = parseKernelVersion(unameA[1]);
        if (v) c.kernels.push({ version: v, how: "uname-a", lines: [...ln], text: unameA[0] });
      }
      for (const re of [KERNEL_PHRASE, KERNEL_PHRASE_AFTER]) {
        each(re, t, (m) => {
          const v = m[1] ? parseKernelVersion(m[1]) : null;
          if (v) c.kernels.push({ version: v, how: "phrase", lines: [...ln], text: m[0] });
        });
      }
      each(KERNEL_DISTRO_SUFFIX, t, (m) => {
        const v = m[1] ? parseKernelVersion(m[1]) : null;
        if (v && v.major >= 3) c.kernels.push({ version: v, how: "uname-r", lines: [...ln], text: m[0] });
      });
    },
  },
  {
    // Libraries first, and their spans blanked so `cilium/ebpf` is not also `cilium`.
    name: "components",
    read({ text: t, lines: ln }, c) {
      let rest = t;
      for (const cm of c.matchers) {
        let hit = false;
        each(cm.re, rest, (m) => {
          hit = true;
          add(c.components, cm.id, { id: cm.id, kind: cm.kind, version: m[1] ?? null, text: m[0], lines: [] }, ln);
          const seen = c.components.map.get(cm.id);
          if (seen && !seen.version && m[1]) seen.version = m[1];
          if (m[0].length === 0) cm.re.lastIndex++;
        });
        if (hit && cm.kind === "library") {
          cm.re.lastIndex = 0;
          rest = rest.replace(cm.re, (s) => " ".repeat(s.length));
        }
      }
    },
  },
  {
    name: "subsystems",
    read({ text: t, lines: ln }, c) {
      for (const [id, re] of SUBSYSTEM_WORDS) if (re.test(t)) add(c.subsystems, id, { id, lines: [] }, ln);
    },
  },
  {
    // Program and map types by enum name or number.
    name: "types",
    when: /type/i,
    read({ text: t, lines: ln }, c) {
      each(/\bBPF_(PROG|MAP)_TYPE_[A-Z0-9_]{2,40}\b/g, t, (m) => {
        const kind = m[1] === "PROG" ? "prog-type" : "map-type";
        add(c.types, m[0], { kind, id: null, name: m[0], text: m[0], lines: [] }, ln);
      });
      each(/\b(prog(?:ram)?|map)[ _]type[ \t]{0,3}[:=]?[ \t]{0,3}(\d{1,3})\b/gi, t, (m) => {
        const kind = (m[1] ?? "").toLowerCase() === "map" ? "map-type" : "prog-type";
        add(c.types, `${kind}:${m[2]}`, { kind, id: Number(m[2]), name: null, text: m[0], lines: [] }, ln);
      });
    },
  },
  {
    name: "citations",
    when: /#\d|\/(?:issues|pull|discussions)\/\d/,
    read({ text: t, lines: ln }, c) {
      for (const ref of githubThreadsIn(t)) add(c.citations, ref.key, { key: ref.key, text: ref.text, lines: [] }, ln);
    },
  },
  {
    name: "omitted",
    when: /omitted/,
    read({ text: t, lines: ln, wrapper }, c) {
      each(/\((\d{1,9}) line\(s\) omitted\)?/g, t, (m) => add(c.omitted, `${m[1]}`, { count: Number(m[1]), lines: [] }, ln));
      // "load program: permission denied: (21 line(s) omitted)": the loader kept none of the log.
      if (wrapper?.tool === "cilium/ebpf" && wrapper.omitted !== null && !wrapper.message) {
        const seen = c.omitted.map.get(`${wrapper.omitted}`);
        if (seen) seen.keptNothing = true;
      }
    },
  },
];

export function extractSignals(lines: readonly LogicalLine[], options: SignalOptions = {}): Signals {
  const c: Collected = {
    helpers: acc(),
    errnos: acc(),
    kernels: [],
    components: acc(),
    subsystems: acc(),
    types: acc(),
    placeholders: acc(),
    omitted: acc(),
    citations: acc(),
    matchers: options.components ?? defaultMatchers,
  };
  for (const line of lines) {
    for (const rule of SIGNAL_RULES) if (!rule.when || rule.when.test(line.text)) rule.read(line, c);
  }
  const rank = { "uname-a": 0, phrase: 1, "uname-r": 2 } as const;
  const kernel = [...c.kernels].sort((a, b) => rank[a.how] - rank[b.how] || (a.lines[0] ?? 0) - (b.lines[0] ?? 0))[0] ?? null;
  return {
    helpers: [...c.helpers.map.values()],
    errnos: [...c.errnos.map.values()],
    kernel,
    kernels: c.kernels,
    components: [...c.components.map.values()].sort((a, b) => (a.lines[0] ?? 0) - (b.lines[0] ?? 0)),
    subsystems: [...c.subsystems.map.values()],
    types: [...c.types.map.values()],
    placeholders: [...c.placeholders.map.values()],
    omitted: [...c.omitted.map.values()],
    citations: [...c.citations.map.values()],
  };
}
