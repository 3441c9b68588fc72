/** Minimum kernels that tools document. Each row quotes its source; `minKernel` is mainline numbering. */
export interface ToolRequirement {
  component: string; // lowercase id: cilium, calico, tetragon, falco, inspektor-gadget, retina, pwru, bcc, bpftrace, pixie
  feature: string; // e.g. "Cilium (base requirements)", "Falco modern_ebpf driver", "Retina advanced (pod-level) metrics"
  minKernel: string; // "5.4", "5.8", "4.19.57" ...
  quote: string; // the sentence from the source, verbatim, shortened with … if long
  source: string; // https URL of the doc page (docs site or the GitHub file URL)
  note?: string; // distro exceptions the doc states (e.g. RHEL 8.6 4.18 equivalent)
}

// Cilium rows come from the main-branch Documentation/operations/system_requirements.rst. Its text
// matches the v1.19.3 copy of the same file. The older docs.cilium.io text (">= 5.4 or … 4.18 on
// RHEL 8.6", clang >= 10) is superseded.
const CILIUM_REQS =
  "https://github.com/cilium/cilium/blob/00c88111b78be84b2bb583ad20634819e94abd09/Documentation/operations/system_requirements.rst";

const PWRU_README = "https://github.com/cilium/pwru/blob/02664e8fb9ce9aa7d43627b60cd521435577b87e/README.md";

export const TOOL_REQUIREMENTS: readonly ToolRequirement[] = [
  {
    component: "cilium",
    feature: "Cilium (base requirements, v1.19 docs)",
    minKernel: "5.10",
    quote: "Linux kernel >= 5.10 or equivalent (e.g., 4.18 on RHEL 8.10)",
    source: CILIUM_REQS,
    note: "RHEL 8.10's 4.18 kernel counts as equivalent (\">= 5.10 or >= 4.18 on RHEL 8.10\").",
  },
  {
    component: "cilium",
    feature: "Cilium IPv6 BIG TCP support",
    minKernel: "5.19",
    quote: "IPv6 BIG TCP support                                   >= 5.19",
    source: CILIUM_REQS,
  },
  {
    component: "cilium",
    feature: "Cilium IPv4 BIG TCP support",
    minKernel: "6.3",
    quote: "IPv4 BIG TCP support                                   >= 6.3",
    source: CILIUM_REQS,
  },
  {
    component: "cilium",
    feature: "Cilium multicast (AArch64)",
    minKernel: "6.0",
    quote: ":ref:`enable_multicast` (AArch64)                      >= 6.0",
    source: CILIUM_REQS,
    note: "On AMD64 the same table gives >= 5.10 for multicast.",
  },
  {
    component: "calico",
    feature: "Calico eBPF dataplane",
    minKernel: "5.3",
    quote: "Another supported distribution with Linux kernel v5.3 or above.",
    source: "https://docs.tigera.io/calico/latest/operations/ebpf/install",
    note: "Red Hat v8.2 with Linux kernel v4.18.0-193 or above (Red Hat have backported the required features to that build). Ubuntu 20.04 is also listed.",
  },
  {
    component: "calico",
    feature: "Calico Open Source node requirements (3.29+ docs)",
    minKernel: "5.10",
    quote: "Linux kernel 5.10 or later with required dependencies.",
    source:
      "https://github.com/tigera/docs/blob/9b8e206648cca1097b440811d945ba8f7ce12382/calico_versioned_docs/version-3.29/_includes/partials/_system-requirements.mdx",
    note: "Distributions the doc lists as known to work: Ubuntu 20.04 or later, RHEL 8 or later, Debian 10 or later, BottleRocket 1.47 or later, Talos 1.6 or later.",
  },
  {
    component: "tetragon",
    feature: "Tetragon (minimum kernel)",
    minKernel: "4.19",
    quote: "Tetragon needs Linux kernel version 4.19 or greater.",
    source: "https://github.com/cilium/tetragon/blob/main/docs/content/en/docs/installation/faq.md",
    note: "Needs BTF. For arm64 kernels 4.19 and 5.4, some features such as reading exec arguments may not work because of a kernel bug. The doc recommends 5.10 or later for full functionality on arm64.",
  },
  {
    component: "falco",
    feature: "Falco modern_ebpf driver",
    minKernel: "5.8",
    quote:
      "The modern eBPF probe doesn't require a specific kernel version. Usually, all versions `>=5.8` are enough but there are cases in which the required features could also be backported into older kernels…",
    source: "https://falco.org/docs/concepts/event-sources/kernel/",
    note: "What it needs is BPF ring buffer support and a kernel that exposes BTF. Older distribution kernels with those backported can work.",
  },
  {
    component: "falco",
    feature: "Falco legacy eBPF probe (deprecated)",
    minKernel: "4.14",
    quote: "| Kernel module | Legacy eBPF probe (deprecated) | Modern eBPF probe | … | x86_64 | >= 3.10 | >= 4.14 | …",
    source: "https://falco.org/docs/concepts/event-sources/kernel",
    note: "aarch64: >= 4.17. The current falco-website source of this page lists only the kernel module and modern eBPF drivers.",
  },
  {
    component: "inspektor-gadget",
    feature: "Inspektor Gadget (project gadgets)",
    minKernel: "5.10",
    quote: "Gadgets developed by the Inspektor Gadget project require at least Linux 5.10 with BTF enabled.",
    source:
      "https://github.com/inspektor-gadget/inspektor-gadget/blob/1f30a5498e216b66b822d798cad9d0bf7e062af5/docs/reference/requirements.md",
  },
  {
    component: "retina",
    feature: "Retina (installation minimum)",
    minKernel: "5.4",
    quote: "Minimum Linux Kernel Version: v5.4.0",
    source: "https://github.com/microsoft/retina/blob/0d5c14c1409aae0e935515a1b186f3ecfae91cd8/docs/01-Introduction/01-intro.md",
  },
  {
    component: "pwru",
    feature: "pwru (base)",
    minKernel: "5.3",
    quote: "`pwru` requires >= 5.3 kernel to run.",
    source: PWRU_README,
    note: "Needs CONFIG_DEBUG_INFO_BTF=y, CONFIG_KPROBES, CONFIG_PERF_EVENTS, CONFIG_BPF and CONFIG_BPF_SYSCALL.",
  },
  {
    component: "pwru",
    feature: "pwru --output-skb",
    minKernel: "5.9",
    quote: "For `--output-skb` >= 5.9 kernel is required.",
    source: PWRU_README,
  },
  {
    component: "pwru",
    feature: "pwru --backend=kprobe-multi",
    minKernel: "5.18",
    quote: "For `--backend=kprobe-multi` >= 5.18 kernel is required.",
    source: PWRU_README,
    note: "Also needs CONFIG_FUNCTION_TRACER=y and CONFIG_FPROBE=y.",
  },
  {
    component: "bcc",
    feature: "bcc (general)",
    minKernel: "4.1",
    quote: "In general, to use these features, a Linux kernel version 4.1 or newer is required.",
    source: "https://github.com/iovisor/bcc/blob/master/INSTALL.md",
  },
  {
    component: "bpftrace",
    feature: "bpftrace (recommended minimum)",
    minKernel: "4.9",
    quote:
      "It is recommended that you are running a Linux 4.9 kernel or higher. Some tools may work on older kernels, but these old kernels are no longer tested.",
    source: "https://github.com/bpftrace/bpftrace/blob/041da064430c3ee096232b42935a6ef8b4b5cbb2/INSTALL.md",
    note: "Kernels where features arrived, per the same section: 4.1 kprobes, 4.3 uprobes, 4.6 stack traces and count/hist builtins, 4.7 tracepoints, 4.9 timers/profiling.",
  },
  {
    component: "pixie",
    feature: "Pixie (operating system)",
    minKernel: "4.14",
    quote: "| Linux   | Supported       | v4.14+            |",
    source: "https://github.com/pixie-io/docs.px.dev/blob/main/content/en/02-installing-pixie/01-requirements.md",
    note: "Distributions known to work: CentOS 7.3+, Debian 10+, RedHat Enterprise Linux 8+, Ubuntu 18.04+. x86-64 only.",
  },
];
