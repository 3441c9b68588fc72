/**
 * An error template derived from one pasted line: the parts that differ between two runs of the same
 * failure become `{placeholders}`, the rest stays literal. The variable parts are the matcher's own
 * (lib/match/normalize.ts NORMALIZE_RULES: timestamps, addresses, ids, counts, pod names), plus the
 * names a loader prints (program, map, object, skeleton and struct-field names) and long bare numbers.
 * The result always compiles (lib/template/compile.ts) and matches its own line from start to end:
 * each candidate is checked, and a line whose masks cannot be checked keeps fewer of them, down to
 * the literal line.
 */
import { NORMALIZE_RULES } from "@/lib/match/normalize";
import { compileTemplate, matchTemplate, TemplateError } from "@/lib/template/compile";

/** Loader names: they differ from one program to the next, the message around them does not. */
export const NAME_RULES: readonly { name: string; re: RegExp; to: string }[] = [
  // cilium/ebpf: "field InetCskAcceptRet: program inet_csk_accept_ret: load program: …", "map server_map: map create: …"
  { name: "field", re: /\bfield [A-Za-z_]\w{0,127}(?=:)/g, to: "field <field>" },
  { name: "program", re: /\b(program|prog) (?!type\b)[A-Za-z_][\w.]{0,127}(?=:)/g, to: "$1 <prog>" },
  { name: "map", re: /\bmap (?!create\b)[A-Za-z_.][\w.]{0,127}(?=:)/g, to: "map <map>" },
  // libbpf: "prog 'do_unlinkat': …", "map 'rb': …", "object 'bootstrap_bpf'", "skeleton 'patrol_bpf'"
  { name: "quoted", re: /\b(prog|map|object|skeleton) '[^'\s]{1,128}'/g, to: "$1 '<$1>'" },
];

/** Bare numbers of three digits or more that no rule above explains (ports, sizes, counts). Helper ids (`#125`) and errno values stay. */
const BARE_NUMBER = /(?<![\w#.\-+=<])\d{3,}(?![\w.])/g;

// Private-use stand-ins for the line's own angle brackets, so masks are the only `<name>` in the text.
const LT = "\ue000";
const GT = "\ue001";

type Level = "all" | "no-numbers" | "normalizer-only" | "literal";
const LEVELS: readonly Level[] = ["all", "no-numbers", "normalizer-only", "literal"];

function mask(text: string, level: Level): string {
  let t = text.replace(/</g, LT).replace(/>/g, GT);
  if (level === "literal") return t;
  if (level !== "normalizer-only") for (const r of NAME_RULES) t = t.replace(r.re, r.to);
  for (const rule of NORMALIZE_RULES) if (rule.when.test(t)) t = rule.apply(t);
  if (level === "all") t = t.replace(BARE_NUMBER, "<n>");
  return t;
}

const escapeLiteral = (s: string) => s.replace(/\{/g, "{{").replace(/\}/g, "}}").replace(new RegExp(LT, "g"), "<").replace(new RegExp(GT, "g"), ">");

/** Turns `<name>` masks into unique `{name}` placeholders; masks with nothing between them become one. */
function toTemplate(masked: string): string {
  const parts = masked.split(/(<[a-z]{1,12}>)/);
  const used = new Map<string, number>();
  let out = "";
  let lastWasPlaceholder = false;
  parts.forEach((part, i) => {
    const m = /^<([a-z]{1,12})>$/.exec(part);
    if (!m?.[1]) {
      out += escapeLiteral(part);
      if (part) lastWasPlaceholder = false;
      return;
    }
    if (lastWasPlaceholder) return;
    const n = (used.get(m[1]) ?? 0) + 1;
    used.set(m[1], n);
    const name = n === 1 ? m[1] : `${m[1]}${n}`;
    // At either end a placeholder takes one word unless written {name...}; the masked text may hold spaces.
    const atEdge = parts.slice(0, i).join("").trim() === "" || parts.slice(i + 1).join("").trim() === "";
    out += `{${name}${atEdge ? "..." : ""}}`;
    lastWasPlaceholder = true;
  });
  return out.trim();
}

/** True when `template` compiles and matches `text` from start to end. */
export function templateMatches(template: string, text: string): boolean {
  try {
    return matchTemplate(compileTemplate(template), text, true) !== null;
  } catch (e) {
    if (e instanceof TemplateError) return false;
    throw e;
  }
}

/** The template for `text`, or null when not even the literal line makes one (under 8 characters of text). */
export function templateFor(text: string): string | null {
  for (const level of LEVELS) {
    const template = toTemplate(mask(text, level));
    if (templateMatches(template, text)) return template;
  }
  return null;
}
