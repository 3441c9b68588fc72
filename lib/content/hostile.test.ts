/**
 * Hostile write-ups (issue 10): each is refused with a problem that names the file and the line, in
 * bounded time, and nothing in a write-up is ever evaluated. Fixtures are generated into a temporary
 * folder, since some are megabytes or links.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { afterAll, describe, expect, it } from "vitest";

import { formatProblem, loadIssueFile, loadIssuesFromDir } from "@/lib/content/load";

/** A valid write-up that stands alone (no link to an error class in another file). */
const GOOD = fs.readFileSync(path.join(__dirname, "fixtures/good/issues/demo-retina-podlevel.md"), "utf8").replace(/^classes: .*$/m, "classes: []");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "kb-hostile-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let n = 0;
/** A content folder holding `files` (name → text) under issues/. */
function folder(files: Record<string, string>): string {
  const dir = path.join(tmp, `c${n++}`);
  fs.mkdirSync(path.join(dir, "issues"), { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, "issues", name), text);
  return dir;
}
const one = (name: string, text: string) => {
  const { problems, records } = loadIssuesFromDir(folder({ [name]: text }));
  return { problems, records, text: problems.map(formatProblem).join("\n") };
};
/** The good fixture with its front matter (between the fences) replaced. */
const withYaml = (yaml: string) => `---\n${yaml}\n---\n${GOOD.split("\n---\n")[1]}`;
/** The good fixture with a body line appended to its Symptoms. */
const withBody = (extra: string) => GOOD.replace("## Root cause", `${extra}\n\n## Root cause`);

describe("front matter never reaches an evaluator", () => {
  it("refuses ---js by name and runs nothing", () => {
    const marker = path.join(tmp, "pwned");
    const { problems, text } = one("demo-retina-podlevel.md", `---js\n({ p: require("fs").writeFileSync(${JSON.stringify(marker)}, "x") })\n---\n`);
    expect(fs.existsSync(marker)).toBe(false);
    expect(problems).toHaveLength(1);
    expect(text).toMatch(/demo-retina-podlevel\.md:1: frontmatter: opens with "---js"/);
  });

  it("refuses other openers (---json, --- coffee) the same way", () => {
    for (const opener of ["---json", "--- coffee", "---javascript"]) {
      expect(one("demo-retina-podlevel.md", `${opener}\n{}\n---\n`).text).toMatch(/opens with/);
    }
  });

  it("refuses YAML tags such as !!js/function", () => {
    expect(one("demo-retina-podlevel.md", withYaml(`title: !!js/function "function () { return 1 }"`)).text).toMatch(/:2: frontmatter: uses the YAML tag !!js\/function/);
  });

  it("refuses aliases, so an alias bomb expands nothing", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`)].join("\n");
    expect(one("demo-retina-podlevel.md", withYaml(bomb)).text).toMatch(/uses the alias \*a/);
  });
});

describe("nesting and size are bounded before the parsers run", () => {
  it("2 KB of nested [ in YAML", () => {
    expect(one("demo-retina-podlevel.md", withYaml(`title: ${"[".repeat(2048)}`)).text).toMatch(/demo-retina-podlevel\.md:2: frontmatter: nests more than 12/);
  });

  it("block maps nested 100 and 3,000 levels deep", () => {
    const nested = (levels: number) => Array.from({ length: levels }, (_, i) => `${" ".repeat(i)}k${i}:`).join("\n");
    expect(one("demo-retina-podlevel.md", withYaml(nested(100))).text).toMatch(/frontmatter: nests deeper than 48 spaces/);
    // 3,000 levels is 4.5 MB: refused by size before anything parses it.
    expect(one("demo-retina-podlevel.md", withYaml(nested(3000))).text).toMatch(/file: is \d+ bytes/);
  });

  it("2,000 and 100,000 > in a body", () => {
    for (const count of [2000, 100_000]) {
      expect(one("demo-retina-podlevel.md", withBody(">".repeat(count) + " x")).text).toMatch(/body: nests block quotes or lists more than 12 levels/);
    }
  });

  it("lists nested 50 and 500 levels deep", () => {
    const list = (levels: number) => Array.from({ length: levels }, (_, i) => `${"  ".repeat(i)}- item`).join("\n");
    expect(one("demo-retina-podlevel.md", withBody(list(50))).text).toMatch(/body: nests block quotes or lists/);
    expect(one("demo-retina-podlevel.md", withBody(list(500))).text).toMatch(/body: (?:nests block quotes or lists|is \d+ characters)/);
  });

  it("80 KB of [a](", () => {
    expect(one("demo-retina-podlevel.md", withBody("[a](".repeat(20_000))).text).toMatch(/body: has more than 1000 "\[" characters/);
  });

  it("16,000 *a, ~a or a* are refused before micromark pairs them (quadratic: 5 s for 16,000 *a)", () => {
    for (const unit of ["*a", "~a", "a* ", " _a_"]) {
      expect(one("demo-retina-podlevel.md", withBody(unit.repeat(16_000))).text).toMatch(/demo-retina-podlevel\.md:\d+: body: has more than 500 emphasis markers/);
    }
  });

  it("stars in fenced code and underscores inside words are no emphasis markers", () => {
    const code = ["```c", "struct sk_buff *skb;", ...Array.from({ length: 300 }, () => "int *p = *q;"), "```"].join("\n");
    const words = "bpf_ktime_get_boot_ns and bpf_get_current_pid_tgid ".repeat(200);
    expect(one("demo-retina-podlevel.md", withBody(`${code}\n\n${words}`)).problems).toEqual([]);
  });

  it("bodies micromark is slow on are refused by size, lines and table cells before it runs", () => {
    // Each took 2 to 6 s to lint at the old 128 KB bound: micromark spends ~0.3 ms on a list item.
    expect(one("demo-retina-podlevel.md", withBody("\\".repeat(120_000))).text).toMatch(/body: is \d+ characters; a body may be at most 32768/);
    expect(one("demo-retina-podlevel.md", withBody("- a\n".repeat(30_000))).text).toMatch(/body: is \d+ characters/);
    expect(one("demo-retina-podlevel.md", withBody("- a\n".repeat(1_000))).text).toMatch(/demo-retina-podlevel\.md:\d+: body: has more than 1000 lines/);
    expect(one("demo-retina-podlevel.md", withBody(`| a | b |\n| - | - |\n${"| x | y |\n".repeat(400)}`)).text).toMatch(/body: has more than 1000 "\|" characters/);
    // 1,000 links cost micromark about 0.2 s; 2,900 cost a second of lint.
    expect(one("demo-retina-podlevel.md", withBody("[a](b) ".repeat(1_001))).text).toMatch(/body: has more than 1000 "\[" characters/);
    expect(one("demo-retina-podlevel.md", withBody("`a".repeat(15_000))).text).toMatch(/body: has more than 2000 backticks/);
    // A run of backslash escapes costs micromark more than linear time: bounded like the other markers.
    expect(one("demo-retina-podlevel.md", withBody("\\".repeat(1001))).text).toMatch(/body: has more than 1000 backslashes/);
    expect(one("demo-retina-podlevel.md", withBody(`C:\\Windows\\System32 ${"\\".repeat(20)}`)).text).not.toMatch(/backslashes/);
    // The largest real body (4.5 KB, 97 lines, 6 links, 86 backticks) is far inside.
    expect(one("demo-retina-podlevel.md", withBody("A line of the body.\n".repeat(800))).problems).toEqual([]);
  });

  it("a file over the size limit is refused before it is read", () => {
    expect(one("demo-retina-podlevel.md", GOOD + "x".repeat(300 * 1024)).text).toMatch(/file: is \d+ bytes; a write-up may be at most/);
  });
});

describe("what the folder holds", () => {
  it("a symlinked folder, a dangling link and a link out of the folder are refused, not followed", () => {
    const dir = folder({ "demo-retina-podlevel.md": GOOD });
    const outside = path.join(tmp, "outside.md");
    fs.writeFileSync(outside, GOOD.replace(/demo-retina-podlevel/g, "demo-outside"));
    fs.symlinkSync(outside, path.join(dir, "issues", "demo-outside.md"));
    fs.symlinkSync(path.join(tmp, "nowhere.md"), path.join(dir, "issues", "demo-dangling.md"));
    fs.mkdirSync(path.join(tmp, "elsewhere"));
    fs.symlinkSync(path.join(tmp, "elsewhere"), path.join(dir, "issues", "sub"));
    const { problems, records } = loadIssuesFromDir(dir);
    expect(records.map((r) => r.slug)).toEqual(["demo-retina-podlevel"]);
    expect(problems.map((p) => [path.basename(p.file), p.field])).toEqual([
      ["demo-dangling.md", "file"],
      ["demo-outside.md", "file"],
      ["sub", "file"],
    ]);
    expect(problems.every((p) => /symbolic link/.test(p.message))).toBe(true);
  });

  it("issues/ as a file, or as a link, is a problem", () => {
    const dir = path.join(tmp, `c${n++}`);
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, "issues"), "not a folder");
    expect(loadIssuesFromDir(dir).problems[0]).toMatchObject({ field: "folder", message: expect.stringMatching(/is not a folder/) });
    const linked = path.join(tmp, `c${n++}`);
    fs.mkdirSync(linked);
    fs.symlinkSync(path.join(folder({ "demo-retina-podlevel.md": GOOD }), "issues"), path.join(linked, "issues"));
    expect(loadIssuesFromDir(linked).problems[0]).toMatchObject({ field: "folder", message: expect.stringMatching(/symbolic link/) });
  });

  it(".MD, .markdown and subfolders are named, never skipped without a word", () => {
    const dir = folder({ "demo-a.MD": GOOD, "demo-b.markdown": GOOD, "notes.txt": "x", ".DS_Store": "x" });
    fs.mkdirSync(path.join(dir, "issues", "drafts"));
    const names = loadIssuesFromDir(dir).problems.map((p) => `${path.basename(p.file)}: ${p.message}`);
    expect(names).toEqual([
      expect.stringMatching(/^demo-a\.MD: is not read: write-ups are named <slug>\.md \(rename it to demo-a\.md\)/),
      expect.stringMatching(/^demo-b\.markdown: is not read: .*rename it to demo-b\.md/),
      expect.stringMatching(/^drafts: is a folder/),
      expect.stringMatching(/^notes\.txt: is not a write-up/),
    ]);
  });
});

describe("what editors and strangers put in files", () => {
  it("CRLF line ends and a UTF-8 byte-order mark read like any other file", () => {
    expect(loadIssueFile("x/demo-retina-podlevel.md", GOOD.replace(/\n/g, "\r\n")).problems).toEqual([]);
    expect(loadIssueFile("x/demo-retina-podlevel.md", `\ufeff${GOOD}`).problems).toEqual([]);
  });

  it("a NUL byte is refused with its line", () => {
    expect(loadIssueFile("x/demo-retina-podlevel.md", GOOD.replace("## Fix", "## Fix\u0000")).problems).toEqual([
      expect.objectContaining({ field: "file", message: expect.stringMatching(/NUL byte/) }),
    ]);
  });

  it("a body ## Errors heading would repeat the page's own anchor", () => {
    const { problems } = loadIssueFile("x/demo-retina-podlevel.md", `${GOOD}\n## Errors\n\nx\n`);
    expect(problems).toEqual([expect.objectContaining({ message: expect.stringMatching(/anchor "#errors" is already used/) })]);
  });
});
