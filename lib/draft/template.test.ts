import fs from "node:fs";
import path from "node:path";

import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { templateFor, templateMatches } from "@/lib/draft/template";
import { dedupeLines, unwrap } from "@/lib/match";

describe("templateFor", () => {
  it.each([
    ["libbpf: map 'rb': failed to create: Invalid argument(-22)", "libbpf: map '{map}': failed to create: Invalid argument(-22)"],
    ["libbpf: failed to load BPF skeleton 'bootstrap_bpf': -22", "libbpf: failed to load BPF skeleton '{skeleton}': -22"],
    [
      "field InetCskAcceptRet: program inet_csk_accept_ret: load program: invalid argument: invalid func unknown#125 (131 line(s) omitted)",
      "field {field}: program {prog}: load program: invalid argument: invalid func unknown#125 ({n} line(s) omitted)",
    ],
    ["map server_map: map create: operation not permitted (MEMLOCK may be too low)", "map {map}: map create: operation not permitted (MEMLOCK may be too low)"],
    ["2025-03-02 10:11:12 load failed at 0xffffffffa0001234 on 10.0.0.1:8080", "{ts...} load failed at {addr} on {ip...}"],
    ["Failed to load BTF spec: can't read types: type id 2036: unknown kind: Unknown (19)", "Failed to load BTF spec: can't read types: type id {n}: unknown kind: Unknown (19)"],
    // The line's own braces and angle brackets stay literal.
    ["R1 invalid mem access 'scalar' <foo> {bar} 12345", "R1 invalid mem access 'scalar' <foo> {{bar}} {n...}"],
  ])("%s", (line, template) => {
    expect(templateFor(line)).toBe(template);
    expect(templateMatches(template, line)).toBe(true);
  });

  it("keeps helper ids and errno values literal", () => {
    expect(templateFor("invalid func unknown#181")).toBe("invalid func unknown#181");
    expect(templateFor("libbpf: Error loading vmlinux BTF: -3")).toBe("libbpf: Error loading vmlinux BTF: -3");
  });

  it("gives null only when the line has too little text for any template", () => {
    expect(templateFor("short")).toBeNull();
    expect(templateFor("12345678")).toBe("12345678");
  });

  it("compiles and matches its own line for every line of the real pastes", () => {
    const dir = path.join(__dirname, "..", "match", "fixtures", "pastes");
    let checked = 0;
    for (const file of fs.readdirSync(dir)) {
      const paste = fs.readFileSync(path.join(dir, file), "utf8").split("\n# ---\n")[1] ?? "";
      for (const line of dedupeLines(unwrap(paste).lines)) {
        const t = templateFor(line.text);
        if (line.text.replace(/\s+/g, "").length >= 8) expect(t, `${file}: ${line.text}`).not.toBeNull();
        if (t) expect(templateMatches(t, line.text), `${file}: ${line.text} ⇢ ${t}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it("never returns a template that fails its own line (random lines)", () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("0x7fff1234abcd", "10.0.0.1", "2024-01-02T03:04:05Z", "{", "}", "<n>", "'rb'", "program x:", "map m:", "#125", "-22", " ", "1234567", "pod-abcde"),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (parts) => {
        const line = parts.join("").replace(/[\r\n]/g, " ");
        const t = templateFor(line);
        return t === null || templateMatches(t, line);
      }),
      { numRuns: 2000 },
    );
  });
});
