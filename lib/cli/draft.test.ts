/**
 * The round trip a contributor makes: a real error paste that no write-up covers → `kb draft --ref` →
 * the draft added to a copy of the content → `kb lint` passes → `kb match` on the same paste ranks the
 * new record first. Runs against KB_CONTENT_DIR when set (a known-good content set), else ./content.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { runCliCaptured } from "@/lib/cli/capture";

const SOURCE = process.env.KB_CONTENT_DIR || path.resolve(__dirname, "..", "..", "content");
// A real paste that no write-up covers (the knowledge base now has a record for libbpf-bootstrap#42, the
// case this test first used): firecracker-containerd#802, a netkit interface the shim does not support.
const FIXTURE = fs.readFileSync(path.resolve(__dirname, "..", "match", "fixtures", "pastes", "firecracker-containerd-802-netkit.txt"), "utf8");
const PASTE = FIXTURE.slice(FIXTURE.indexOf("\n# ---\n") + 7);
const REF = "https://github.com/firecracker-microvm/firecracker-containerd/issues/802";
const SLUG = "x";

let tmp = "";
const saved = process.env.KB_CONTENT_DIR;

/** A fresh copy of the content's issues/ (a new folder, so the gateway's per-folder cache reads it anew). */
function copyContent(name: string): string {
  const dir = path.join(tmp, name);
  fs.cpSync(path.join(SOURCE, "issues"), path.join(dir, "issues"), { recursive: true });
  return dir;
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kb-draft-"));
});

afterAll(() => {
  if (saved === undefined) delete process.env.KB_CONTENT_DIR;
  else process.env.KB_CONTENT_DIR = saved;
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("kb draft", () => {
  it("round trip: draft → lint passes → match ranks the new record first", async () => {
    const original = copyContent("original");
    const before = await runCliCaptured(["match", "--json"], { dir: original, stdin: PASTE });
    expect(before.code).toBe(0);
    // No write-up covers this paste yet.
    expect(JSON.parse(before.stdout).matches.filter((m: { confident: boolean }) => m.confident)).toEqual([]);

    const draft = await runCliCaptured(["draft", "--slug", SLUG, "--ref", REF], { dir: original, stdin: PASTE });
    expect(draft.code, draft.stderr).toBe(0);
    expect(draft.stderr).toBe("");
    expect(draft.stdout).toMatch(/^---\ntitle: /);
    const grown = copyContent("grown");
    fs.writeFileSync(path.join(grown, "issues", `${SLUG}.md`), draft.stdout);

    const lint = await runCliCaptured(["lint"], { dir: grown });
    expect(lint.stderr).toBe("");
    expect(lint.code).toBe(0);
    expect(lint.stdout).toMatch(/^\d+ write-ups OK/);

    const after = await runCliCaptured(["match", "--json"], { dir: grown, stdin: PASTE });
    const top = JSON.parse(after.stdout).matches[0];
    expect(top).toMatchObject({ slug: SLUG, confident: true });
  });

  it("without --ref prints the draft and names on standard error what lint still wants", async () => {
    const res = await runCliCaptured(["draft", "--slug", "y"], { dir: copyContent("other"), stdin: PASTE });
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("references: []");
    expect(res.stderr).toMatch(/content\/issues\/y\.md:\d+: references: /);
  });

  it("refuses a missing or malformed slug, a bad reference, a bad kernel and an empty paste", async () => {
    expect((await runCliCaptured(["draft"], { dir: tmp, stdin: PASTE })).code).toBe(2);
    expect((await runCliCaptured(["draft", "--slug", "Not A Slug"], { dir: tmp, stdin: PASTE })).code).toBe(2);
    expect((await runCliCaptured(["draft", "--slug", "z", "--ref", "http://example.com/x"], { dir: tmp, stdin: PASTE })).code).toBe(2);
    expect((await runCliCaptured(["draft", "--slug", "z", "--ref", "https://github.com/search?q=x"], { dir: tmp, stdin: PASTE })).code).toBe(2);
    expect((await runCliCaptured(["draft", "--slug", "z", "--kernel", "banana"], { dir: tmp, stdin: PASTE })).code).toBe(2);
    expect((await runCliCaptured(["draft", "--slug", "z"], { dir: tmp, stdin: " \n" })).code).toBe(1);
  });
});
