/**
 * Decoders: a plain reading of every kernel or loader value in a paste, from the project's own copy of
 * the kernel facts (lib/kernel/facts.ts) and nothing else, so they work for pastes that match no record.
 */
import { factById, helperDisplayName, typeByEnumName, type FactKind, type KernelFact } from "@/lib/kernel/facts";
import { atLeast, formatSeries, type KernelVersion } from "@/lib/kernel/version";
import { MAX_DECODED } from "@/lib/match/limits";
import { errnoByCode, errnoByName, type HelperRole, type Signals } from "@/lib/match/signals";
import type { KernelDecodedItem, Notice } from "@/lib/match/types";

function kernelLabel(k: KernelVersion): string {
  return formatSeries(k);
}

/** "your 5.4 kernel lacks bpf_ktime_get_boot_ns, added in 5.8" when it does. */
function lacks(fact: KernelFact, display: string, kernel: KernelVersion | null | undefined): { missing: boolean; text: string } {
  if (!kernel || !fact.sinceKernel) return { missing: false, text: "" };
  if (atLeast(kernel, fact.sinceKernel)) {
    return { missing: false, text: ` Your ${kernelLabel(kernel)} kernel is at least ${fact.sinceKernel}, so by version it has ${display}.` };
  }
  return { missing: true, text: ` Your ${kernelLabel(kernel)} kernel lacks ${display}, added in ${fact.sinceKernel}.` };
}

export interface HelperDecodeOptions {
  role?: HelperRole;
  /** The name the message printed, if any. */
  printedName?: string | null;
  kernel?: KernelVersion | null;
  lines?: number[];
}

export function decodeHelper(id: number, options: HelperDecodeOptions = {}): KernelDecodedItem {
  const fact = factById("helper", id);
  const lines = options.lines ?? [];
  if (!fact || id === 0) {
    return {
      kind: "helper",
      id,
      name: options.printedName ?? `unknown#${id}`,
      sinceKernel: null,
      note: `Helper #${id} is not in the kernel's helper list this project knows (ids 1 to ${lastHelperId()}). It may come from a newer kernel, a vendor patch, or a corrupted instruction.`,
      lines,
    };
  }
  const display = helperDisplayName(fact);
  const since = fact.sinceKernel ? `added in Linux ${fact.sinceKernel}` : "first kernel unknown";
  const k = lacks(fact, display, options.kernel);
  let note: string;
  switch (options.role) {
    case "missing":
      note = `Helper #${id} is ${display}, ${since}. "invalid func unknown#${id}" means the running kernel has no helper with this number: it is older than ${fact.sinceKernel ?? "the helper"} (or a distribution kernel without the backport).`;
      break;
    case "not-allowed":
      note = `Helper #${id} is ${display}, ${since}. The kernel knows it, but this program type may not call it ("unknown func" on older kernels, "program of this type cannot use helper" on newer ones); move the call to a program type that allows it, or use an allowed alternative.`;
      break;
    default:
      note = `Helper #${id} is ${display}, ${since}.`;
  }
  return {
    kind: "helper",
    id,
    name: display,
    sinceKernel: fact.sinceKernel,
    note: note + k.text,
    lines,
    ...(k.missing ? { missingOnKernel: true } : {}),
  };
}

let lastHelper = 0;
function lastHelperId(): number {
  if (!lastHelper) {
    let id = 1;
    while (factById("helper", id + 1)) id++;
    lastHelper = id;
  }
  return lastHelper;
}

export function decodeType(kind: "prog-type" | "map-type", idOrName: number | string, kernel?: KernelVersion | null, lines: number[] = []): KernelDecodedItem | null {
  let fact: KernelFact | null;
  if (typeof idOrName === "number") {
    fact = factById(kind as FactKind, idOrName);
  } else {
    const found = typeByEnumName(idOrName);
    fact = found && found.kind === kind ? found.fact : null;
  }
  if (!fact) return null;
  const what = kind === "prog-type" ? "program type" : "map type";
  const since = fact.sinceKernel ? `added in Linux ${fact.sinceKernel}` : "first kernel unknown";
  const k = lacks(fact, fact.name, kernel);
  return {
    kind,
    id: fact.id,
    name: fact.name,
    sinceKernel: fact.sinceKernel,
    note: `${what[0]?.toUpperCase()}${what.slice(1)} ${fact.id} is ${fact.name}, ${since}.${k.text}`,
    lines,
    ...(k.missing ? { missingOnKernel: true } : {}),
  };
}

/** What each errno usually means when a BPF loader or the bpf() syscall returns it. */
const ERRNO_MEANINGS: Record<string, string> = {
  EPERM:
    "Operation not permitted. For BPF: the locked-memory limit is too low (kernels before 5.11 charge maps to RLIMIT_MEMLOCK; raise `ulimit -l` or let the loader remove the limit), or the process lacks capabilities (CAP_BPF since 5.8, CAP_SYS_ADMIN before; CAP_PERFMON for tracing, CAP_NET_ADMIN for networking programs). kernel.unprivileged_bpf_disabled, lockdown and LSMs also return it.",
  ENOENT:
    "No such file or directory. For BPF: a pinned path under /sys/fs/bpf, an attach target (kernel function, tracepoint) or a BTF type that this kernel does not have.",
  ESRCH: "No such process. libbpf returns it when it finds no kernel BTF (/sys/kernel/btf/vmlinux) or no type of that name in it.",
  E2BIG:
    "Argument list too long. For a program load: the program is over the verifier's limits (1,000,000 processed instructions since Linux 5.2, 131,072 before; over 4,096 instructions only with privileges), or the loader passed an attribute larger than this kernel knows.",
  EBADF: "Bad file descriptor: a map or program fd handed to the kernel is not valid, often a map whose creation failed earlier.",
  EAGAIN: "Resource temporarily unavailable: the kernel asks to retry (for example when it could not allocate verifier state).",
  ENOMEM: "Cannot allocate memory: a map is too large for the memory (or memlock) available, or the verifier ran out of memory.",
  EACCES:
    "Permission denied. For a program load this is the verifier rejecting the program as unsafe (out-of-bounds or unchecked memory access, a leaked reference, a bad return value); the last lines of the verifier log say why. An LSM such as SELinux can also deny bpf().",
  EFAULT: "Bad address: a pointer passed to bpf() is not valid, usually a loader bug or a struct layout this kernel does not expect.",
  EBUSY: "Device or resource busy: something is already attached there (another XDP program on the interface, an exclusive attach).",
  EEXIST: "File exists: a pinned object or an attachment of that name is already there.",
  ENODEV: "No such device: the interface is gone, or (XDP) its driver does not support the requested mode.",
  ENXIO: "No such device or address: the attach target (interface, cgroup, perf event) is not there.",
  EINVAL:
    "Invalid argument: the kernel refused a parameter. For a program load, the verifier rejected it (an unknown helper, a bad instruction, a type or attach flag this kernel does not have); read the verifier log. For BTF, the kernel cannot parse it (a BTF kind newer than the kernel).",
  ENOSPC: "No space left on device: the verifier log buffer is too small (raise the log size), or a map is full.",
  ENOSYS: "Function not implemented: the kernel has no bpf() syscall (CONFIG_BPF_SYSCALL is off) or does not know the command.",
  ELOOP: "Too many levels of symbolic links: for BPF, an attachment would create a loop (a program attached to itself).",
  ERANGE: "Numerical result out of range: a value (log level, size, index) is outside what the kernel accepts.",
  EOVERFLOW: "Value too large: a map key or value size, or a BTF size, is over the kernel's limit.",
  EPROTONOSUPPORT:
    "Protocol not supported: a socket of this protocol cannot be opened. For netlink it means the kernel was built without that netlink family (NETLINK_NETFILTER needs CONFIG_NETFILTER_NETLINK).",
  EOPNOTSUPP:
    "Operation not supported: the kernel or driver does not implement this (XDP native mode on this NIC driver, an attach type or map flag this kernel lacks).",
  EAFNOSUPPORT: "Address family not supported: the family (AF_XDP, IPv6) is off or missing in this kernel.",
  EADDRINUSE: "Address already in use.",
  ENOBUFS: "No buffer space available: a netlink or socket buffer ran out, or a per-namespace resource is exhausted.",
  ETIMEDOUT: "Timed out.",
  EINTR: "Interrupted system call: retry.",
  EIO: "Input/output error.",
  ENOTSUPP:
    "Not supported (the kernel's internal 524, which leaks to user space): the kernel lacks the feature, often a program or attach type, a kfunc, or BPF trampolines on this architecture.",
};

export function decodeErrno(nameOrCode: string | number, lines: number[] = []): KernelDecodedItem | null {
  const e = typeof nameOrCode === "number" ? errnoByCode(Math.abs(nameOrCode)) : errnoByName(nameOrCode.replace(/^-/, ""));
  if (!e) return null;
  return {
    kind: "errno",
    id: e.code,
    name: e.name,
    sinceKernel: null,
    note: ERRNO_MEANINGS[e.name] ?? (e.text ? `${e.text[0]?.toUpperCase()}${e.text.slice(1)}.` : e.name),
    lines,
  };
}

export function decodePlaceholder(value: number, lines: number[] = []): KernelDecodedItem | null {
  const item = (name: string, note: string): KernelDecodedItem => ({ kind: "placeholder", id: value, name, sinceKernel: null, note, lines });
  if (value === 195896080) {
    return item(
      "0xbad2310",
      "195896080 is 0xbad2310, libbpf's poison value for an instruction whose CO-RE relocation failed: the field, type or enum value the program needs is not in this kernel's BTF. The verifier reports it as an invalid helper call; look earlier in the libbpf log for 'relo #N: ... failed'.",
    );
  }
  if (value === 233685214) {
    return item(
      "0xdedc0de",
      "233685214 is 0xdedc0de, cilium/ebpf's poison value for a kfunc call it could not resolve: this kernel has no kfunc of that name (or no BTF for it).",
    );
  }
  if (value >= 2001000000 && value < 2002000000) {
    const n = value - 2001000000;
    return item(
      `2001000000+${n}`,
      `${value} is libbpf's poison value for map #${n} of the object: the program uses a map that was never created (creation was skipped or failed, for example a map type this kernel lacks).`,
    );
  }
  if (value >= 2002000000 && value < 2003000000) {
    const n = value - 2002000000;
    return item(
      `2002000000+${n}`,
      `${value} is libbpf's poison value for kfunc call #${n}: the kfunc could not be resolved in this kernel's BTF, so the kernel is too old for it or built without it.`,
    );
  }
  return null;
}

/** How to see the full log, with cilium/ebpf and in general. */
const FULL_LOG =
  "To see the whole log, print the error with %+v (the *ebpf.VerifierError), or load with a larger ProgramOptions.LogSizeStart; " +
  "in an agent, turn on its debug or verbose datapath logging and look for the full verifier output; " +
  "or load the object file with `bpftool prog load OBJ /sys/fs/bpf/NAME`, which prints the verifier log when the load fails.";

export interface OmittedOptions {
  line?: number;
  /** The loader's error kept no verifier line at all, only the count. */
  keptNothing?: boolean;
  /** The paste's kernel, when known. */
  kernel?: KernelVersion | null;
}

/** How to see the lines a loader left out; when it kept none, why that happens on Linux 7.3 and later. */
export function omittedNotice(count: number, lineOrOptions?: number | OmittedOptions): Notice {
  const o: OmittedOptions = typeof lineOrOptions === "number" ? { line: lineOrOptions } : (lineOrOptions ?? {});
  const on73 = o.kernel ? atLeast(o.kernel, "7.3") : null;
  let message: string;
  if (o.keptNothing) {
    message =
      `cilium/ebpf left out all ${count} line(s) of the verifier log: its error ends with "(${count} line(s) omitted)" and keeps none of the verifier's message. ` +
      "That is what it prints for a log from Linux 7.3 or later: the kernel ends the log with a structured report (\"Verification failed: <category>: <title>\", then Reason:, At:, Suggestion:) " +
      "after its one-line message, and cilium/ebpf versions without the change proposed in cilium/ebpf#2111 keep none of it in the error text. " +
      `The real error is in the part the loader cut${on73 === false ? " (this paste names an older kernel: check which kernel the node really runs)" : ""}. ` +
      FULL_LOG;
  } else {
    message =
      `${count} line(s) of the verifier log were left out by cilium/ebpf, which keeps only the last lines in the error text. ` +
      FULL_LOG +
      (on73 ? " On Linux 7.3 and later the full log also holds a structured report (\"Verification failed: ...\", Reason:, At:, Suggestion:) that says what failed." : "");
  }
  return { kind: "omitted-lines", message, ...(o.line ? { line: o.line } : {}) };
}

/** Decodes every signal worth explaining, most useful first, capped at MAX_DECODED. */
export function decodeSignals(signals: Signals, kernel: KernelVersion | null): { decoded: KernelDecodedItem[]; notices: Notice[] } {
  const decoded: KernelDecodedItem[] = [];
  const roleRank: Record<HelperRole, number> = { missing: 0, "not-allowed": 1, call: 2 };
  const helpers = [...signals.helpers].sort((a, b) => roleRank[a.role] - roleRank[b.role] || (a.lines[0] ?? 0) - (b.lines[0] ?? 0));
  for (const h of helpers) {
    const item = decodeHelper(h.id, { role: h.role, printedName: h.name, kernel, lines: h.lines });
    // Calls are listed only when they explain something: the kernel is known to lack the helper.
    if (h.role === "call" && !item.missingOnKernel) continue;
    decoded.push(item);
  }
  for (const p of signals.placeholders) {
    const item = decodePlaceholder(p.value, p.lines);
    if (item) decoded.push(item);
  }
  for (const t of signals.types) {
    const item = decodeType(t.kind, t.id ?? t.name ?? "", kernel, t.lines);
    if (item && !decoded.some((d) => d.kind === item.kind && d.id === item.id)) decoded.push(item);
  }
  for (const e of signals.errnos) {
    const item = decodeErrno(e.name, e.lines);
    if (item) decoded.push(item);
  }
  const notices = signals.omitted.map((o) => omittedNotice(o.count, { line: o.lines[0], keptNothing: o.keptNothing, kernel }));
  return { decoded: decoded.slice(0, MAX_DECODED), notices };
}
