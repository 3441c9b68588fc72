import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { runCliCaptured } from "@/lib/cli/capture";
import { runCli } from "@/lib/cli/run";
import { readLimited } from "@/lib/cli/stdin";

const GOOD = path.resolve(__dirname, "../content/fixtures/good");
const saved = process.env.KB_CONTENT_DIR;
afterEach(() => {
  if (saved === undefined) delete process.env.KB_CONTENT_DIR;
  else process.env.KB_CONTENT_DIR = saved;
});

const run = (argv: string[], dir = GOOD) => runCliCaptured(argv, { dir });

describe("argument parsing (node:util parseArgs, strict)", () => {
  it("reads boolean flags, value flags and --flag=value", async () => {
    const a = await run(["list", "--json", "--kernel", "5.4.0-189-generic", "--component=calico"]);
    expect(a.code).toBe(0);
    expect(JSON.parse(a.stdout).every((r: { components: { id: string }[] }) => r.components.some((c) => c.id === "calico"))).toBe(true);
  });

  it("refuses a value flag without a value", async () => {
    expect((await run(["list", "--kernel"])).code).toBe(2);
    const empty = await run(["list", "--kernel="]);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/--kernel needs a value/);
  });
});

describe("runCli exit codes", () => {
  it("no command: usage on stdout, exit 2; help: exit 0", async () => {
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stdout).toContain("usage:");
    expect((await run(["help"])).code).toBe(0);
  });

  it("unknown command or option: exit 2 with the reason on stderr", async () => {
    const cmd = await run(["frobnicate"]);
    expect(cmd.code).toBe(2);
    expect(cmd.stderr).toContain('unknown command "frobnicate"');
    const opt = await run(["list", "--verbose"]);
    expect(opt.code).toBe(2);
    expect(opt.stderr).toContain("unknown option --verbose");
    expect(opt.stdout).toBe("");
  });

  it("show: a known slug prints it, an unknown one exits 1 and lists the slugs", async () => {
    const ok = await run(["show", "demo-retina-podlevel", "--json"]);
    expect(ok.code).toBe(0);
    const record = JSON.parse(ok.stdout) as { slug: string; sections: { id: string }[]; bodyText?: string };
    expect(record.slug).toBe("demo-retina-podlevel");
    expect(record.bodyText).toBeUndefined();
    expect(record.sections[0]).toEqual({ id: "symptoms", title: "Symptoms" });
    const missing = await run(["show", "nope"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("demo-helper-missing");
    expect((await run(["show"])).code).toBe(2);
  });

  it("list --json has the documented shape", async () => {
    const res = await run(["list", "--json", "--component", "retina"]);
    expect(res.code).toBe(0);
    const rows = JSON.parse(res.stdout) as Record<string, unknown>[];
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0]!).sort()).toEqual(["components", "errors", "kernel", "kind", "references", "slug", "status", "subsystems", "title"]);
    expect(rows[0]!.kernel).toEqual({ affected: "<5.8", fixedIn: "5.8", label: "Linux below 5.8" });
  });

  it("list without --json: a readable list and a count", async () => {
    const res = await run(["list", "--kernel", "6.1.0-9-amd64"]);
    expect(res.code).toBe(0);
    // demo-retina-podlevel is <5.8; the other two are tied to no kernel or to 5.4/5.10 only.
    expect(res.stdout).toContain("demo-helper-missing");
    expect(res.stdout).not.toContain("demo-retina-podlevel");
    expect(res.stdout).not.toContain("demo-calico-upgrade");
    expect(res.stdout).toContain("1 record\n");
  });
});

describe("findings from the hostile-input review (issue 10)", () => {
  it("--help and -h print the usage and exit 0", async () => {
    for (const flag of ["--help", "-h"]) {
      const r = await run([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain("usage:");
    }
    expect((await run(["list", "--help"])).code).toBe(0);
  });

  it("an empty value flag is a usage error: list --kernel= and match --kernel=", async () => {
    for (const argv of [["list", "--kernel="], ["match", "--kernel="], ["list", "--component="]]) {
      const r = await run(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/needs a value/);
    }
  });

  it("refuses extra arguments: lint extra, list x, show a b", async () => {
    for (const argv of [["lint", "extra"], ["list", "x"], ["match", "x"], ["show", "a", "b"]]) {
      const r = await run(argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/takes (?:no arguments|at most 1); unexpected "(?:extra|x|b)"/);
    }
  });

  it("-j names the command's own options", async () => {
    const r = await run(["list", "-j"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("kb: list: unknown option -j (options of list: --json, --component COMPONENT, --kernel KERNEL)");
    expect((await run(["lint", "-j"])).stderr).toContain("kb: lint: unknown option -j (options of lint: none)");
  });

  it("standard input over the limit is an input error: exit 1 with what to do instead", async () => {
    let stderr = "";
    const code = await runCli(["match"], {
      stdout: () => undefined,
      stderr: (s) => void (stderr += s),
      readStdin: () => readLimited(chunks(5, 1024), 4 * 1024),
    });
    expect(code).toBe(1);
    expect(stderr).toBe("kb: standard input is larger than 4,096 bytes; pass the end of the log instead (e.g. kubectl logs POD --tail=5000)\n");
    await expect(readLimited(chunks(3, 1024 * 1024), 2 * 1024 * 1024)).rejects.toThrow(/larger than 2 MB/);
    // At the limit exactly, and text split inside a UTF-8 character, read whole.
    expect(await readLimited(chunks(4, 1024), 4 * 1024)).toHaveLength(4 * 1024);
    const euro = Buffer.from("€", "utf8");
    expect(await readLimited((async function* () { yield euro.subarray(0, 1); yield euro.subarray(1); })())).toBe("€");
  });

  it.each(["5.4.999999", "-5.4", "5.4.0 extra words", "9.99", "5.4.0;rm", "5".repeat(200)])("--kernel %s is not a kernel version, for match and for list", async (v) => {
    for (const command of ["match", "list"]) {
      const r = await runCliCaptured([command, `--kernel=${v}`], { dir: GOOD, stdin: "invalid func unknown#125" });
      expect(r.code, `${command} --kernel=${v}`).toBe(2);
      expect(r.stderr).toMatch(/--kernel: ".*" is not a kernel version/);
    }
  });

  it("kb kernel: a probe without a version line reads no kernel from its text, and the heading stays short", async () => {
    const probe = ["Scanning eBPF program types...", "eBPF program_type kprobe is available", "bpftool v7.3.0 using libbpf v1.3", "Linux 5.4 and 4.19 appear in this text", "eBPF map_type ringbuf is NOT available"].join("\n");
    const r = await runCliCaptured(["kernel", "--json"], { dir: GOOD, stdin: probe });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ version: null, input: null, basis: "probe", incidents: [] });
    const text = await runCliCaptured(["kernel"], { dir: GOOD, stdin: `5.4.0-189-generic ${"word ".repeat(50_000)}` });
    expect(text.code).toBe(0);
    expect(text.stdout.split("\n")[0]).toBe("Kernel 5.4.0-189-generic → mainline 5.4.0");
  });
});

/** A fake standard input: `count` chunks of `size` bytes. */
async function* chunks(count: number, size: number) {
  for (let i = 0; i < count; i++) yield Buffer.alloc(size, 0x61);
}

describe("input echoed in messages", () => {
  it("cannot drive the terminal: control characters are escaped, long values cut", async () => {
    const esc = "\u001b]0;pwned\u0007\u001b[2J\u009b31m\u202e";
    const runs = [
      await run([`x${esc}`]),
      await run(["list", `--kernel=${esc}`]),
      await run(["list", `--component=${esc}`]),
      await run(["match", `--kernel=${esc}`]),
      await run(["show", `a${esc}`]),
      await run(["lint", esc]),
      await runCliCaptured(["kernel"], { dir: GOOD, stdin: `${esc} not a version` }),
    ];
    for (const r of runs) {
      expect(r.code).toBeGreaterThan(0);
      expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
      expect(r.stderr).toContain("\\u001b");
    }
    expect((await run(["list", `--kernel=${"5".repeat(10_000)}`])).stderr.split("\n")[0]!.length).toBeLessThan(200);
  });
});
