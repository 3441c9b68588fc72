import fs from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { clipPaste, countLineBreaks, MAX_LINE_CHARS, MAX_PASTE_CHARS } from "@/lib/match/limits";
import { parseCiliumEbpfError, parseJsonLine, parseLibbpfError, parseLogfmt, stripAnsi, stripPrefixes, unwrap } from "@/lib/match/unwrap";
import { unreleasedResourceLog } from "@/lib/verifier/fixtures/diag73";

const texts = (paste: string) => unwrap(paste).lines.map((l) => l.text);

describe("unwrap", () => {
  it("reads logfmt: msg and error values, escaped quotes and \\n undone, original line kept", () => {
    const paste =
      'level=error caller=dropreason/dropreason_linux.go:147 msg="Error loading objects: %w" error="field InetCskAcceptRet: program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125 (131 line(s) omitted)"';
    const out = unwrap(paste).lines;
    expect(out.map((l) => l.text)).toContain("Error loading objects: %w");
    expect(out.map((l) => l.text)).toContain(
      "field InetCskAcceptRet: program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125 (131 line(s) omitted)",
    );
    expect(out.every((l) => l.lines[0] === 1)).toBe(true);
    expect(texts('time="2024-01-01T00:00:00Z" level=error msg="a \\"quoted\\" word\\nsecond line" subsys=daemon')).toEqual(
      expect.arrayContaining(['a "quoted" word', "second line", "subsys=daemon"]),
    );
  });

  it("leaves prose with one error= in it (Calico's Felix) as a plain line", () => {
    const line =
      "2024-05-26 10:15:17.684 [WARNING][100656] felix/int_dataplane.go 1822: failed to wipe the XDP state error=failed to load BPF program (/usr/lib/calico/bpf/filter.o): stat /sys/fs/bpf/calico/xdp/prefilter_v1_calico_tmp_A: no such file or directory";
    expect(parseLogfmt(line)).toBeNull();
    expect(texts(line)).toEqual([
      "failed to wipe the XDP state error=failed to load BPF program (/usr/lib/calico/bpf/filter.o): stat /sys/fs/bpf/calico/xdp/prefilter_v1_calico_tmp_A: no such file or directory",
    ]);
  });

  it("reads JSON log lines (zap, docker json-file wrapping logfmt)", () => {
    expect(parseJsonLine('{"level":"error","ts":1713175872.1,"msg":"load failed","error":"program x: load program: permission denied"}')?.messages).toEqual([
      "load failed",
      "program x: load program: permission denied",
    ]);
    const docker = JSON.stringify({ log: 'level=fatal msg="boom" error="invalid func unknown#125"\n', stream: "stderr", time: "2024-01-01T00:00:00Z" });
    expect(texts(docker)).toEqual(expect.arrayContaining(["boom", "invalid func unknown#125"]));
    expect(parseJsonLine("{not json}")).toBeNull();
  });

  it("strips ANSI colour codes, also the caret form", () => {
    expect(stripAnsi("\x1b[31mERROR\x1b[0m: \x1b[1;33mfail\x1b[0m")).toBe("ERROR: fail");
    expect(texts("^[[31mlibbpf: failed^[[0m")).toEqual(["libbpf: failed"]);
  });

  it("drops C1 controls like C0 ones: U+009B is a one-character CSI", () => {
    expect(texts("invalid func\u009b2J unknown#125\u0085")).toEqual(["invalid func2J unknown#125"]);
  });

  it("an unterminated OSC sequence ends with its line: later lines keep their numbers (found by fast-check)", () => {
    const r = unwrap("\x1b]0;title\nfirst\nsecond\n\x1b]");
    expect(r.lines.map((l) => [l.text, l.lines[0]])).toEqual([
      ["first", 2],
      ["second", 3],
    ]);
  });

  it("counts a last line that holds only escape codes as a line (found by fast-check)", () => {
    expect(unwrap("first\r\x1b]").physicalLines).toBe(2);
    expect(unwrap("first\n\x1b[0m\n").physicalLines).toBe(2);
  });

  it("strips timestamps, klog/glog, syslog, CRI and kubectl --prefix prefixes", () => {
    expect(stripPrefixes("E0415 10:11:12.123456       1 file.go:12] msg here")).toBe("msg here");
    expect(stripPrefixes("2024-04-15T10:11:12.123456789Z stderr F libbpf: x")).toBe("libbpf: x");
    expect(stripPrefixes("2022/11/26 07:08:02 loading objects: x")).toBe("loading objects: x");
    expect(stripPrefixes("May 17 13:43:22 arazu below[29640]: May 17 06:43:22.617 ERRO System error, errno: 22")).toBe("ERRO System error, errno: 22");
    expect(stripPrefixes("[pod/cilium-qh4vw/cilium-agent] level=info msg=x")).toBe("level=info msg=x");
    expect(stripPrefixes("[ 1234.567890] BPF: invalid")).toBe("BPF: invalid");
    expect(stripPrefixes("Tue Jun  6 14:15:44 2023: Falco version: 0.34.1 (x86_64)")).toBe("Falco version: 0.34.1 (x86_64)");
  });

  it("reads a real libbpf verifier-log block (OpenCloudOS/nettrace#67)", () => {
    const text = fs.readFileSync(path.join(__dirname, "fixtures/pastes/nettrace-67-prog-load-log.txt"), "utf8");
    const paste = text.slice(text.indexOf("\n# ---\n") + 7);
    const out = unwrap(paste).lines;
    // The block runs from line 5 to the END line; each of its lines is a logical line of its own.
    const block = out.filter((l) => (l.lines[0] ?? 0) >= 5 && (l.lines[0] ?? 0) <= 11);
    expect(block[0]).toMatchObject({ text: "reg type unsupported for arg#0 function __trace_napi_gro_receive_entry#41", lines: [5] });
    expect(block).toHaveLength(7);
    expect(out.find((l) => l.lines[0] === 3)?.wrapper).toMatchObject({ tool: "libbpf", program: "__trace_napi_gro_receive_entry", errno: "Invalid argument" });
    expect(stripPrefixes("ERRO[0012] Failed to start agent controller")).toBe("Failed to start agent controller");
  });

  it("reads the Message column of a kubectl describe Events table", () => {
    const paste = [
      "Events:",
      "  Type     Reason     Age   From               Message",
      "  ----     ------     ----  ----               -------",
      "  Normal   Scheduled  2m    default-scheduler  Successfully assigned default/x to node-1",
      "  Warning  Failed     1m (x4 over 2m)  kubelet            Error: failed to create containerd task: failed to create shim task: protocol not supported: unknown",
    ].join("\n");
    // The table's rows (lines 4 and 5) become their Message column alone.
    const out = unwrap(paste).lines.filter((l) => (l.lines[0] ?? 0) >= 4);
    expect(out.map((l) => l.text)).toEqual([
      "Successfully assigned default/x to node-1",
      "Error: failed to create containerd task: failed to create shim task: protocol not supported: unknown",
    ]);
    expect(out[1]?.lines).toEqual([5]);
  });

  it("reads the lines of libbpf's PROG LOAD LOG block without the markers", () => {
    const paste = [
      "libbpf: prog 'handle_tp': BPF program load failed: Invalid argument",
      "libbpf: prog 'handle_tp': -- BEGIN PROG LOAD LOG --",
      "0: R1=ctx(off=0,imm=0) R10=fp0",
      "5: (85) call unknown#181",
      "invalid func unknown#181",
      "-- END PROG LOAD LOG --",
      "libbpf: prog 'handle_tp': failed to load: -22",
    ].join("\n");
    const out = unwrap(paste).lines;
    const inside = out.filter((l) => (l.lines[0] ?? 0) >= 3 && (l.lines[0] ?? 0) <= 5);
    expect(inside.map((l) => l.text)).toEqual(["0: R1=ctx(off=0,imm=0) R10=fp0", "5: (85) call unknown#181", "invalid func unknown#181"]);
    expect(out.some((l) => /PROG LOAD LOG/.test(l.text))).toBe(false);
    expect(out[0]?.wrapper).toMatchObject({ tool: "libbpf", program: "handle_tp", errno: "Invalid argument" });
    expect(out[out.length - 1]?.wrapper).toMatchObject({ tool: "libbpf", program: "handle_tp", errno: "-22" });
  });

  it("reads cilium/ebpf's wrapper and gives the verifier's words a line of their own", () => {
    const w = parseCiliumEbpfError("field InetCskAcceptRet: program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125 (131 line(s) omitted)");
    expect(w).toEqual({ tool: "cilium/ebpf", field: "InetCskAcceptRet", program: "inet_csk_accept_ret", errno: "invalid argument", message: "invalid func unknown#125", omitted: 131 });
    // pwru's copy lost the closing parenthesis.
    expect(parseCiliumEbpfError("Program fentry_tc: load program: invalid argument: Subprog __send_drop_notify doesn't exist (5 line(s) omitted")?.omitted).toBe(5);
    const out = unwrap("program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125").lines;
    expect(out.map((l) => [l.lines[0], l.text])).toEqual([
      [1, "program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125"],
      [1, "invalid func unknown#125"],
    ]);
  });

  it("reads libbpf's load failure with errno names", () => {
    expect(parseLibbpfError("libbpf: prog 'xdp_prog': BPF program load failed: -EINVAL")).toMatchObject({ program: "xdp_prog", errno: "-EINVAL" });
    expect(parseLibbpfError("nothing here")).toBeNull();
  });

  it("splits escaped newlines in a plain line and keeps line numbers", () => {
    const out = unwrap('first\nerror: "load program: permission denied:\\n\\t0: (b7) r0 = 0\\n\\tR0 !read_ok"').lines;
    expect(out.map((l) => l.text)).toEqual(["first", 'error: "load program: permission denied:', "0: (b7) r0 = 0", 'R0 !read_ok"']);
    expect(out.slice(1).every((l) => l.lines[0] === 2)).toBe(true);
  });

  it("cuts the paste at the cap and long lines, with notices", () => {
    const big = "x".repeat(MAX_PASTE_CHARS + 10);
    const r = unwrap(big);
    expect(r.truncated).toBe(true);
    expect(r.notices.map((n) => n.kind)).toEqual(expect.arrayContaining(["truncated", "line-cut"]));
    expect(r.lines[0]?.text.length).toBe(MAX_LINE_CHARS);
    expect(unwrap("a\n").physicalLines).toBe(1);
  });

  it("reads a paste over the cap as its start and its end, keeping the paste's own line numbers", () => {
    // 30,000 numbered lines (~1.6 MB): the cut falls inside, and the verdict is on the last line.
    const lines = Array.from({ length: 30_000 }, (_, i) => `line ${i + 1} ${"z".repeat(40)}`);
    lines[2] = "early error: load program: invalid argument";
    lines[29_999] = "the verdict: invalid func unknown#125";
    for (const ending of ["\n", "\r\n"]) {
      const big = lines.join(ending) + ending;
      const clipped = clipPaste(big);
      expect(clipped.totalChars).toBe(big.length);
      expect(clipped.text.length).toBeLessThanOrEqual(MAX_PASTE_CHARS);
      const r = unwrap(big);
      expect(r.truncated).toBe(true);
      expect(r.physicalLines).toBe(30_000);
      const byText = new Map(r.lines.map((l) => [l.text, l.lines[0]]));
      expect(byText.get("early error: load program: invalid argument")).toBe(3);
      expect(byText.get("the verdict: invalid func unknown#125")).toBe(30_000);
      // Every line read keeps its own number: "line N …" is on line N.
      for (const l of r.lines) {
        const m = /^line (\d+) /.exec(l.text);
        if (m) expect(l.lines[0]).toBe(Number(m[1]));
      }
      const notice = r.notices.find((n) => n.kind === "truncated");
      expect(notice?.message).toMatch(/^The paste has [\d,]+ characters; only the first [\d,]+ and the last [\d,]+ were read, and lines [\d,]+ to [\d,]+ were skipped/);
      // The page clips on the main thread and the worker unwraps the clip: the same reading.
      expect(unwrap(clipped)).toEqual(r);
    }
    expect(clipPaste("short")).toEqual({ text: "short", totalChars: 5, cut: null });
  });

  it("counts line breaks as the splitter does: \\n, \\r\\n and a lone \\r", () => {
    for (const text of ["", "a", "a\nb", "a\r\nb\rc\n", "\r\r\n\n", "x\r"]) {
      expect(countLineBreaks(text), JSON.stringify(text)).toBe(text.split(/\r\n|\r|\n/).length - 1);
    }
  });

  it("clips a paste without line breaks too", () => {
    const r = unwrap("q".repeat(MAX_PASTE_CHARS * 3));
    expect(r.truncated).toBe(true);
    expect(r.physicalLines).toBe(1);
    expect(r.inputChars).toBeLessThanOrEqual(MAX_PASTE_CHARS);
  });
});

describe("Linux 7.3's structured verifier failure", () => {
  it("keeps each line's indentation and reads the block as a failure", () => {
    const u = unwrap(unreleasedResourceLog(2, 5, 12));
    expect(u.lines.find((l) => l.text.startsWith("Owned resource"))?.indent).toBe(2);
    expect(u.lines.find((l) => l.text.startsWith("Unreleased reference"))?.indent).toBeUndefined();
    expect(u.failures).toHaveLength(1);
    expect(u.failures[0]).toMatchObject({ category: "Resource Lifetime Safety", title: "Unreleased resource", at: { insn: 12 } });
  });

  it("reads cilium/ebpf's error that kept no verifier line", () => {
    expect(parseCiliumEbpfError("load program: permission denied: (21 line(s) omitted)")).toMatchObject({ errno: "permission denied", message: null, omitted: 21 });
  });
});
