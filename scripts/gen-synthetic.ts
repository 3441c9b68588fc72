/**
 * Generates N synthetic write-ups that lib/content accepts, for the matcher benchmark
 * (scripts/bench-match.ts): realistic sizes (a 2-4 KB body in the required sections, 1-4 errors with
 * templates, 1-2 components with versions, kernel ranges), drawn from a seeded generator so every run
 * writes the same files. The first K of N records are the same as a run with --count K.
 *
 *   npx tsx scripts/gen-synthetic.ts --out /tmp/kb-synthetic --count 1000 [--seed 42]
 *   KB_CONTENT_DIR=/tmp/kb-synthetic npm run -s kb -- lint
 */
import fs from "node:fs";
import path from "node:path";

/** mulberry32: small, fast, good enough for test data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Rand, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const TOOLS = [
  ["cilium", ["1.11.5", "1.12.3", "1.14.2", "1.15.18", "1.16.11", "1.17.4", "1.18.0"]],
  ["retina", ["0.0.16", "0.0.28", "0.0.33", "1.0.0"]],
  ["calico", ["3.26.1", "3.27.3", "3.28.0", "3.29.2"]],
  ["kata-containers", ["3.2.0", "3.5.0", "3.9.0"]],
  ["pwru", ["1.0.5", "1.0.7", "main"]],
  ["falco", ["0.35.0", "0.37.1", "0.39.2", "0.43.1"]],
  ["tetragon", ["1.0.0", "1.1.2", "1.3.0"]],
  ["inspektor-gadget", ["0.24.0", "0.30.0", "0.36.1"]],
  ["bcc", ["0.25.0", "0.29.1", "0.31.0"]],
  ["bpftrace", ["0.16.0", "0.19.1", "0.21.2"]],
  ["pixie", ["0.14.8", "0.14.12"]],
  ["beyla", ["1.0.0", "1.5.3", "2.0.1"]],
  ["tracee", ["0.19.0", "0.20.0"]],
  ["kubearmor", ["1.2.1", "1.4.0"]],
  ["parca", ["0.28.0", "0.31.1"]],
] as const;

const SUBSYSTEMS = ["verifier", "helpers", "kfuncs", "btf", "co-re", "maps", "memlock", "capabilities", "xdp", "tc", "netlink", "kprobe", "fentry", "tracepoint", "uprobe", "lsm", "cgroup", "ringbuf", "kernel-config", "loader", "datapath"];
const RANGES = ["<5.8", "<5.4", "<5.10", ">=5.4 <5.10", "5.4.x", "5.10.x", "5.15.x", "<4.19", ">=6.6", "6.1.x", "<5.12", "<5.17", "5.4.x || 5.10.x", ">=6.8 <6.10"];
const ERRNO_TEXT = ["invalid argument", "permission denied", "operation not permitted", "argument list too long", "no such file or directory", "operation not supported", "protocol not supported", "bad file descriptor"];
const SYLL = ["ka", "lo", "mi", "net", "bpf", "xd", "ro", "tra", "ce", "sk", "pa", "ket", "fil", "ter", "map", "ev", "ent", "ho", "ok", "lin", "dev", "qu", "eue", "sto", "re", "ad", "dr", "po", "li", "cy", "con", "tr", "ack", "nat", "egr", "ess", "ing", "rx", "tx", "cgr", "oup"];
const WORDS = (
  "the a of to in and is on for that with when this node pod agent kernel program loader verifier helper map fails failed load loading attach " +
  "interface driver mode upgrade version release cluster daemonset container runtime network policy datapath socket probe trace event buffer " +
  "memory limit capability privilege config option module function symbol type struct field offset pointer register stack instruction " +
  "branch loop bound check access value key size entry table ring perf output log line error message reason cause fix workaround restart " +
  "rollout node-pool distribution backport patch commit mainline series support missing unknown invalid rejected denied refused allowed " +
  "requires needs older newer before after since until only also still never always upstream maintainers thread report issue reproduce"
).split(" ");

function ident(r: Rand, parts = int(r, 2, 4)): string {
  let s = "";
  for (let i = 0; i < parts; i++) s += (i ? "_" : "") + pick(r, SYLL) + pick(r, SYLL);
  return s;
}

/**
 * Zipf-ish prose: common words, plus identifiers. Like a real write-up, a record keeps coming back to
 * the few functions and options it is about (its pool), with the odd one-off name.
 */
function sentence(r: Rand, words: number, pool: readonly string[] = []): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    const x = r();
    if (x < 0.86 || !pool.length) out.push(WORDS[Math.floor(Math.pow(r(), 1.6) * WORDS.length)] ?? "the");
    else if (x < 0.96) out.push(`\`${pick(r, pool)}\``);
    else out.push(ident(r, int(r, 1, 3)));
  }
  const s = out.join(" ");
  return s[0]?.toUpperCase() + s.slice(1) + ".";
}

function paragraph(r: Rand, sentences: number, pool: readonly string[] = []): string {
  return Array.from({ length: sentences }, () => sentence(r, int(r, 8, 22), pool)).join(" ");
}

/** An error line as parts: literal text and placeholders with the value this record saw. */
type Part = string | { name: string; value: string };

function errorShapes(r: Rand, tool: string): Part[][] {
  const prog = ident(r);
  const helper = String(int(r, 100, 211));
  const errno = pick(r, ERRNO_TEXT);
  const func = ident(r, 3);
  return [
    ["program ", { name: "prog", value: prog }, `: load program: invalid argument: invalid func unknown#${helper}`],
    [`program ${prog}: load program: ${errno}: invalid func unknown#${helper} (`, { name: "lines", value: String(int(r, 3, 400)) }, " line(s) omitted)"],
    ["field ", { name: "field", value: ident(r, 2) }, `: program ${prog}: load program: permission denied: R${int(r, 0, 9)} invalid mem access 'scalar' (`, { name: "lines", value: String(int(r, 3, 900)) }, " line(s) omitted)"],
    [`libbpf: prog '${prog}': BPF program load failed: ${errno}`],
    ["libbpf: prog '", { name: "prog", value: prog }, `': relo #`, { name: "relo", value: String(int(r, 1, 900)) }, `: target candidate search failed for [`, { name: "typeid", value: String(int(r, 100, 9000)) }, `] struct ${ident(r, 2)}: -1`],
    [`${tool}: failed to attach fentry to ${func}: `, { name: "reason", value: errno.replace(/ /g, "_") }],
    [`failed to create map ${ident(r, 2)}: operation not permitted (MEMLOCK may be too low, consider rlimit.RemoveMemlock)`],
    [`Subprog ${ident(r, 2)} doesn't exist`],
    [`${tool}-agent: XDP attach failed on `, { name: "iface", value: `eth${int(r, 0, 3)}` }, `: ${errno}`],
    [`netlink receive for ${ident(r, 1)} family: protocol not supported`],
    [`BPF program is too large. Processed `, { name: "count", value: "1000001" }, ` insn in ${prog}`],
    [`back-edge from insn `, { name: "from", value: String(int(r, 10, 999)) }, ` to `, { name: "to", value: String(int(r, 1, 9)) }, ` in ${func}`],
    [`failed to find kernel BTF type ID of '${func}': -3`],
    [`Kernel version `, { name: "kernel", value: `${int(r, 4, 5)}.${int(r, 4, 19)}.0-${int(r, 10, 200)}-generic` }, ` is not supported by ${tool} ${ident(r, 1)} mode`],
    [`level=fatal msg="failed to start ${ident(r, 1)}" error="loading objects: ${errno}" subsys=`, { name: "subsys", value: ident(r, 1) }],
    [`HINT: bpf_${ident(r, 2)} missing (added in Linux 5.${int(r, 1, 19)}).`],
  ];
}

function yamlString(s: string): string {
  return JSON.stringify(s);
}

export interface SyntheticRecord {
  slug: string;
  /** The error texts, as a user would see them. */
  errors: string[];
  tool: string;
}

/** Writes N write-ups to `<out>/issues/` and returns what a benchmark needs to build pastes. */
export function generateSynthetic(out: string, count: number, seed = 42): SyntheticRecord[] {
  const dir = path.join(out, "issues");
  fs.mkdirSync(dir, { recursive: true });
  const made: SyntheticRecord[] = [];
  for (let i = 0; i < count; i++) {
    // One stream per record, so record i is the same whatever N is.
    const r = rng(seed * 1_000_003 + i);
    const [tool, versions] = pick(r, TOOLS);
    const version = pick(r, versions);
    const kind = r() < 0.1 ? "error-class" : "incident";
    const slug = `syn-${String(i).padStart(5, "0")}-${tool}-${ident(r, 2).replace(/_/g, "-")}`;
    const shapes = errorShapes(r, tool);
    const pool = Array.from({ length: int(r, 6, 14) }, () => ident(r, int(r, 2, 4)));
    const nErrors = int(r, 1, 4);
    const errors: { text: string; template: string; where: string }[] = [];
    for (let e = 0; e < nErrors; e++) {
      const parts = pick(r, shapes);
      const text = parts.map((p) => (typeof p === "string" ? p : p.value)).join("");
      const template = parts.map((p) => (typeof p === "string" ? p : `{${p.name}}`)).join("");
      if (!errors.some((x) => x.template === template)) errors.push({ text, template, where: `${tool} log` });
    }
    const second = r() < 0.3 ? pick(r, TOOLS) : null;
    const components =
      kind === "error-class" ? [] : [{ id: tool, versions: version }, ...(second && second[0] !== tool ? [{ id: second[0], versions: pick(r, second[1]) }] : [])];
    const subsystems = [...new Set(Array.from({ length: int(r, 1, 4) }, () => pick(r, SUBSYSTEMS)))];
    const range = r() < 0.7 ? pick(r, RANGES) : null;
    const title = `${tool} ${version}: ${sentence(r, int(r, 6, 12)).slice(0, -1)}`.slice(0, 150);
    const fm = [
      "---",
      `title: ${yamlString(title)}`,
      `slug: ${slug}`,
      `kind: ${kind}`,
      `status: ${pick(r, ["open", "workaround", "fixed", "info"])}`,
      `summary: ${yamlString(paragraph(r, 2, pool).slice(0, 550))}`,
      `aliases: [${r() < 0.3 ? yamlString(sentence(r, 6)) : ""}]`,
      "components:",
      ...(components.length ? components.map((c) => `  - { id: ${c.id}, versions: ${yamlString(c.versions)} }`) : []),
      ...(components.length ? [] : ["  []"]),
      ...(range ? ["kernel:", `  affected: ${yamlString(range)}`] : []),
      `subsystems: [${subsystems.join(", ")}]`,
      "errors:",
      ...errors.flatMap((e) => [`  - text: ${yamlString(e.text)}`, `    template: ${yamlString(e.template)}`, `    where: ${yamlString(e.where)}`]),
      `tags: [${Array.from({ length: int(r, 3, 8) }, () => ident(r, 1)).join(", ")}]`,
      "references:",
      `  - { title: ${yamlString(`${tool}#${int(r, 100, 40000)}`)}, url: "https://github.com/example/${tool}/issues/${int(r, 100, 40000)}", claim: ${yamlString(sentence(r, 10))}, by: maintainer }`,
      `updated: 2025-${String(int(r, 1, 12)).padStart(2, "0")}-${String(int(r, 1, 28)).padStart(2, "0")}`,
      "---",
    ];
    // The components list above is written block-style; an empty one must be written inline.
    const fmText = fm.join("\n").replace("components:\n  []", "components: []");
    const sections = kind === "incident" ? ["Symptoms", "Root cause", "Fix", "Workarounds", "Verify on your node"] : ["Symptoms", "Causes", "Verify on your node", "Fix"];
    const body = sections
      .map((s) => {
        const extra = s === "Symptoms" ? `\n\n\`\`\`\n${errors.map((e) => e.text).join("\n")}\n\`\`\`` : s.startsWith("Verify") ? "\n\n```bash\nuname -r\nsudo bpftool feature probe kernel | grep bpf_\n```" : "";
        return `## ${s}\n\n${paragraph(r, int(r, 3, 6), pool)}${extra}`;
      })
      .join("\n\n");
    fs.writeFileSync(path.join(dir, `${slug}.md`), `${fmText}\n\n${body}\n`);
    made.push({ slug, errors: errors.map((e) => e.text), tool });
  }
  return made;
}

if (process.argv[1]?.endsWith("gen-synthetic.ts")) {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const out = flag("--out");
  const count = Number(flag("--count") ?? "1000");
  if (!out || !Number.isInteger(count) || count < 1) {
    process.stderr.write("usage: tsx scripts/gen-synthetic.ts --out DIR --count N [--seed S]\n");
    process.exit(2);
  }
  const made = generateSynthetic(path.resolve(out), count, Number(flag("--seed") ?? "42"));
  process.stdout.write(`wrote ${made.length} write-ups to ${path.join(path.resolve(out), "issues")}\n`);
}
