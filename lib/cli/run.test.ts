import path from "node:path";

import { afterEach, describe, expect, it } from "vitest";

import { runCliCaptured } from "@/lib/cli/capture";

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
