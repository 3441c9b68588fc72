import { describe, expect, it } from "vitest";

import { extractSignals } from "@/lib/match/signals";
import { unwrap } from "@/lib/match/unwrap";

const signals = (paste: string) => extractSignals(unwrap(paste).lines);

describe("signals", () => {
  it("reads helper references in each wording", () => {
    const s = signals(
      [
        "invalid func unknown#125",
        "5: (85) call unknown#181",
        "unknown func bpf_skb_output#111",
        "program of this type cannot use helper bpf_trace_printk#6",
        "27: (85) call bpf_get_func_ip#173",
        "func bpf_get_func_ip#173 not supported for program type 3",
        "HINT: bpf_probe_read_kernel missing (added in Linux 5.5).",
      ].join("\n"),
    );
    const byId = new Map(s.helpers.map((h) => [h.id, h]));
    expect(byId.get(125)?.role).toBe("missing");
    expect(byId.get(181)?.role).toBe("call");
    expect(byId.get(111)).toMatchObject({ role: "not-allowed", name: "bpf_skb_output" });
    expect(byId.get(6)?.role).toBe("not-allowed");
    expect(byId.get(173)?.role).toBe("not-allowed");
    expect(byId.get(113)?.role).toBe("missing"); // bpf_probe_read_kernel, from bcc's HINT
    expect(s.types).toEqual(expect.arrayContaining([expect.objectContaining({ kind: "prog-type", id: 3 })]));
  });

  it("reads a loader placeholder as a placeholder, not a helper", () => {
    const s = signals("invalid func unknown#195896080\ncall 0xbad2310\nr1 = 2001000003\ninvalid func unknown#233685214");
    expect(s.helpers).toEqual([]);
    expect(s.placeholders.map((p) => p.value).sort()).toEqual([195896080, 2001000003, 233685214]);
  });

  it("reads errno as text, name and negative number", () => {
    const names = (p: string) => signals(p).errnos.map((e) => e.name).sort();
    expect(names("load program: invalid argument")).toEqual(["EINVAL"]);
    expect(names("map create: operation not permitted")).toEqual(["EPERM"]);
    expect(names("libbpf: prog 'p': failed to load: -13")).toEqual(["EACCES"]);
    expect(names("BPF program load failed: -EINVAL")).toEqual(["EINVAL"]);
    expect(names("libpman: failed to load BPF object (errno: 7 | message: Argument list too long)")).toEqual(["E2BIG"]);
    expect(names("protocol not supported: unknown")).toEqual(["EPROTONOSUPPORT"]);
    // A register state is not an errno.
    expect(names("3: R2_w=-1 R10=fp0")).toEqual([]);
  });

  it("reads the kernel from uname -a, uname -r, prose and Chinese prose", () => {
    expect(signals("Linux node-1 5.15.0-1042-azure #49-Ubuntu SMP x86_64 GNU/Linux").kernel?.version).toMatchObject({ major: 5, minor: 15, patch: 0 });
    expect(signals("$ uname -r\n5.4.0-189-generic").kernel?.version).toMatchObject({ major: 5, minor: 4, patch: 0 });
    expect(signals("we run kernel 5.4 on these nodes").kernel?.version).toMatchObject({ major: 5, minor: 4 });
    expect(signals("内核 5.4.273 上报错").kernel?.version).toMatchObject({ major: 5, minor: 4, patch: 273 });
    expect(signals("Kernel Version: 4.19.0-14-amd64").kernel?.version).toMatchObject({ major: 4, minor: 19 });
    expect(signals("5.4.257-1.el7.elrepo.x86_64").kernel?.version).toMatchObject({ major: 5, minor: 4, patch: 257 });
    // uname -a wins over a version in prose.
    expect(signals("kernel 5.10 elsewhere\nLinux dev 4.19.0-14-amd64 #1 SMP").kernel?.version).toMatchObject({ major: 4, minor: 19 });
    // Component versions are not kernels.
    expect(signals("calico v3.27.3 and cilium 1.11").kernel).toBeNull();
  });

  it("reads components with versions, and tells cilium/ebpf from cilium", () => {
    const s = signals("retina v0.0.28 on cilium 1.11 with calico v3.27.3\ngithub.com/cilium/ebpf.(*VerifierError)\nio.containerd.kata.v2\nFalco version: 0.43.1");
    const byId = new Map(s.components.map((c) => [c.id, c]));
    expect(byId.get("retina")?.version).toBe("0.0.28");
    expect(byId.get("cilium")?.version).toBe("1.11");
    expect(byId.get("calico")?.version).toBe("3.27.3");
    expect(byId.get("cilium-ebpf")?.kind).toBe("library");
    expect(byId.get("kata-containers")).toBeDefined();
    expect(byId.get("falco")?.version).toBe("0.43.1");
    expect(signals("only github.com/cilium/ebpf here").components.map((c) => c.id)).toEqual(["cilium-ebpf"]);
    expect(signals("pod cilium-qh4vw is crashlooping").components.map((c) => c.id)).toEqual(["cilium"]);
  });

  it("reads subsystem words (CONFIG_ options mean kernel-config) and omitted-line counts", () => {
    const s = signals("needs CONFIG_NETFILTER_NETLINK=m for netlink\nXDP attach failed; no BTF; fentry on tc; kprobe\nSubprog x doesn't exist (5 line(s) omitted");
    expect(s.subsystems.map((x) => x.id)).toEqual(expect.arrayContaining(["netlink", "xdp", "btf", "fentry", "tc", "kprobe", "kernel-config"]));
    expect(s.omitted.map((o) => o.count)).toEqual([5]);
  });
});
