import { describe, expect, it } from "vitest";

import { runCliCaptured } from "@/lib/cli/capture";

const run = (argv: string[], stdin: string) => runCliCaptured(argv, { stdin });

describe("kb match", () => {
  it("--json prints the MatchResult alone, in the DESIGN.md shape", async () => {
    const { code, stdout: out, stderr: err } = await run(["match", "--json", "--kernel", "5.4.0-189-generic"], "program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125\n");
    expect(code, err).toBe(0);
    const r = JSON.parse(out);
    expect(r.kernel).toBe("5.4.0");
    expect(Array.isArray(r.components)).toBe(true);
    expect(r.matches[0]).toMatchObject({ slug: "retina-podlevel-requires-kernel-5-8", confident: true });
    expect(Object.keys(r.matches[0])).toEqual(expect.arrayContaining(["slug", "title", "score", "confident", "evidence"]));
    expect(r.decoded[0]).toMatchObject({ kind: "helper", id: 125, name: "bpf_ktime_get_boot_ns", sinceKernel: "5.8" });
  });

  it("prints a readable report without --json", async () => {
    const { code, stdout: out } = await run(["match"], "invalid func unknown#181\n");
    expect(code).toBe(0);
    expect(out).toContain("bpf_loop");
    expect(out).toMatch(/Decoded:/);
  });

  it("refuses a bad --kernel, an unknown option and an empty paste", async () => {
    expect((await run(["match", "--kernel", "banana"], "x")).code).toBe(2);
    expect((await run(["match", "--nope"], "x")).code).toBe(2);
    expect((await run(["match"], "  \n")).code).toBe(1);
  });
});
