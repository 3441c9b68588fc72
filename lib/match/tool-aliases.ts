/**
 * Names by which pastes mention the components that write-ups use as ids (content/README.md,
 * `components`). A paste rarely says "kata-containers"; it says `containerd-shim-kata-v2` or
 * `io.containerd.kata.v2`. Libraries are told apart from tools: every Go agent links cilium/ebpf, so
 * naming the library says little about which tool failed.
 */
export type ComponentKind = "tool" | "library";

export interface ComponentAlias {
  id: string;
  kind: ComponentKind;
  /** Alternatives of a regular expression, matched case-insensitively between word boundaries. */
  pattern: string;
}

/** Libraries first: `github.com/cilium/ebpf` must be read as the library before `cilium` is tried. */
export const COMPONENT_ALIASES: readonly ComponentAlias[] = [
  { id: "cilium-ebpf", kind: "library", pattern: "cilium/ebpf|cilium-ebpf" },
  { id: "libbpfgo", kind: "library", pattern: "libbpfgo" },
  { id: "libbpf-rs", kind: "library", pattern: "libbpf-rs|libbpf-cargo" },
  { id: "libbpf", kind: "library", pattern: "libbpf" },
  { id: "bpftool", kind: "library", pattern: "bpftool" },
  { id: "aya", kind: "library", pattern: "aya-rs|aya-bpf|aya-ebpf|aya::" },
  { id: "vishvananda-netlink", kind: "library", pattern: "vishvananda/netlink" },
  { id: "hubble", kind: "tool", pattern: "hubble(?:-relay|-ui)?" },
  { id: "tetragon", kind: "tool", pattern: "tetragon" },
  { id: "cilium", kind: "tool", pattern: "cilium(?:-agent|-operator|-envoy|-cni|-dbg|-health)?" },
  { id: "retina", kind: "tool", pattern: "retina(?:-agent|-operator|-shell)?" },
  { id: "calico", kind: "tool", pattern: "calico(?:-node|ctl|-kube-controllers|-typha|-felix|-apiserver)?|felix|tigera-operator" },
  {
    id: "kata-containers",
    kind: "tool",
    pattern: "kata(?:-containers|-runtime|-agent|-shim|-deploy|-qemu|-clh|-monitor)?|containerd-shim-kata-v2|io\\.containerd\\.kata\\.v2",
  },
  { id: "pwru", kind: "tool", pattern: "pwru" },
  { id: "falco", kind: "tool", pattern: "falco|falcosecurity|libpman|falcoctl|modern_ebpf|modern-bpf" },
  { id: "inspektor-gadget", kind: "tool", pattern: "inspektor[- ]gadget|kubectl-gadget|kubectl gadget|gadgettracermanager" },
  { id: "bcc", kind: "tool", pattern: "bcc|iovisor|bpfcc" },
  { id: "bpftrace", kind: "tool", pattern: "bpftrace" },
  { id: "pixie", kind: "tool", pattern: "pixie|vizier-pem|px-operator" },
  { id: "kubekey", kind: "tool", pattern: "kubekey" },
  { id: "beyla", kind: "tool", pattern: "beyla" },
  { id: "parca-agent", kind: "tool", pattern: "parca(?:-agent)?" },
  { id: "tracee", kind: "tool", pattern: "tracee(?:-ebpf)?" },
  { id: "kubearmor", kind: "tool", pattern: "kubearmor" },
  { id: "kepler", kind: "tool", pattern: "kepler" },
  { id: "coroot-node-agent", kind: "tool", pattern: "coroot(?:-node-agent)?" },
  { id: "odigos", kind: "tool", pattern: "odigos" },
  { id: "datadog-agent", kind: "tool", pattern: "datadog-agent|system-probe" },
  { id: "ebpf-exporter", kind: "tool", pattern: "ebpf_exporter|ebpf-exporter" },
  { id: "katran", kind: "tool", pattern: "katran" },
  { id: "antrea", kind: "tool", pattern: "antrea(?:-agent)?" },
  { id: "kube-proxy", kind: "tool", pattern: "kube-proxy" },
];

const KNOWN = new Map(COMPONENT_ALIASES.map((a) => [a.id, a]));

/** Library or tool; an id no table knows (a record's own) counts as a tool. */
export function componentKind(id: string): ComponentKind {
  return KNOWN.get(id)?.kind ?? "tool";
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export interface ComponentMatcher {
  id: string;
  kind: ComponentKind;
  re: RegExp;
}

// Optional version after the name: "retina v0.0.28", "cilium 1.11", "cilium:v1.16.11", "Falco version: 0.43.1".
const VERSION_TAIL = "(?:(?:[ \\t]+|[:@=/])(?:version[ \\t:=]*)?v?(\\d{1,4}\\.\\d{1,4}(?:\\.\\d{1,6})?(?:-[\\w.]{1,40})?))?";

/** Matchers for the built-in aliases plus any record component id that no alias covers. */
export function componentMatchers(extraIds: readonly string[] = []): ComponentMatcher[] {
  const aliases: ComponentAlias[] = [...COMPONENT_ALIASES];
  for (const id of extraIds) {
    if (KNOWN.has(id) || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) || id.length < 3) continue;
    // "kata-containers" is also written "kata containers" or "kata_containers".
    aliases.push({ id, kind: "tool", pattern: id.split("-").map(escapeRe).join("[-_ ]?") });
  }
  return aliases.map((a) => ({
    id: a.id,
    kind: a.kind,
    // A Kubernetes pod name counts as a mention: cilium-qh4vw, hubble-mz69h, retina-agent-6d8c7b9f5d-x7k2p.
    re: new RegExp(`(?<![\\w.-])(?:${a.pattern})(?:(?![\\w-])|(?=-(?:[a-z0-9]{8,10}-)?[a-z0-9]{5}(?![\\w-])))${VERSION_TAIL}`, "gi"),
  }));
}
