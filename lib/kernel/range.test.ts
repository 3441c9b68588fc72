import { describe, expect, it } from "vitest";

import { ANY_KERNEL_LABEL, KernelRange, KernelRangeError as RangeError } from "@/lib/kernel/range";
import { parseKernelVersion } from "@/lib/kernel/version";

const parseRange = (text: string) => KernelRange.parse(text);
const rangeContains = (r: KernelRange, v: Parameters<KernelRange["affects"]>[0]) => r.affects(v);
const describeRange = (r: KernelRange | null) => r?.label ?? ANY_KERNEL_LABEL;
const shortRangeLabel = (r: KernelRange | null) => r?.short ?? ANY_KERNEL_LABEL;

const UNAME = {
  ubuntu54: "5.4.0-189-generic",
  elrepo54: "5.4.257-1.el7.elrepo.x86_64",
  rhel8: "4.18.0-553.el8_10.x86_64",
  amzn612: "6.12.63-84.121.amzn2023.x86_64",
  azure515: "5.15.0-1042-azure",
  debian61: "6.1.0-9-amd64",
} as const;
type Name = keyof typeof UNAME;

function contains(range: string, uname: string): boolean {
  const v = parseKernelVersion(uname);
  if (!v) throw new Error(`fixture version ${uname} does not parse`);
  return rangeContains(parseRange(range), v);
}

/** For each range, which of the versions above it contains; every other one it must not. */
const CASES: [range: string, inside: Name[]][] = [
  ["<5.8", ["ubuntu54", "elrepo54", "rhel8"]],
  ["5.4.x", ["ubuntu54", "elrepo54"]],
  [">=5.4 <5.10", ["ubuntu54", "elrepo54"]],
  ["=5.4.273", []],
  ["=5.4.257", ["elrepo54"]],
  ["=5.4", ["ubuntu54", "elrepo54"]],
  ["5.4.x || 5.10.x", ["ubuntu54", "elrepo54"]],
  ["5.15.x || 6.1.x", ["azure515", "debian61"]],
  [">=6.1", ["amzn612", "debian61"]],
  [">6.1", ["amzn612"]],
  ["<=5.4.0", ["ubuntu54", "rhel8"]],
  [">=6.12.57 <6.13 || >=6.17.5", ["amzn612"]],
];

describe("rangeContains", () => {
  for (const [range, inside] of CASES) {
    for (const name of Object.keys(UNAME) as Name[]) {
      const expected = inside.includes(name);
      it(`${range} ${expected ? "contains" : "excludes"} ${UNAME[name]}`, () => {
        expect(contains(range, UNAME[name])).toBe(expected);
      });
    }
  }

  it("is exact at the edges", () => {
    expect(contains("<5.8", "5.7.19")).toBe(true);
    expect(contains("<5.8", "5.8.0")).toBe(false);
    expect(contains(">=5.4 <5.10", "5.10.0")).toBe(false);
    expect(contains(">=5.4 <5.10", "5.9.16")).toBe(true);
    expect(contains("5.4.x", "5.5.0")).toBe(false);
    expect(contains("5.4.X", "5.4.1")).toBe(true);
    expect(contains("5.4.*", "5.4.1")).toBe(true);
    expect(contains("=5.4.273", "5.4.273-generic")).toBe(true);
  });
});

describe("describeRange", () => {
  it.each([
    ["<5.8", "Linux below 5.8", "below 5.8"],
    ["5.4.x", "5.4 series only", "5.4 series"],
    [">=5.4 <5.5", "5.4 series only", "5.4 series"],
    [">=5.4 <5.10", "Linux 5.4 up to (not including) 5.10", "5.4 up to (not including) 5.10"],
    [">=6.6", "Linux 6.6 and later", "6.6 and later"],
    ["=5.4.273", "Linux 5.4.273 only", "5.4.273"],
    ["<=5.4", "Linux 5.4 and older", "5.4 and older"],
    [">5.4", "Linux newer than 5.4", "newer than 5.4"],
    ["5.4.x || 5.10.x", "5.4 series or 5.10 series", "5.4 series or 5.10 series"],
  ])("%s → %s", (range, long, short) => {
    const r = parseRange(range);
    expect(describeRange(r)).toBe(long);
    expect(shortRangeLabel(r)).toBe(short);
  });

  it("no range → any kernel", () => {
    expect(describeRange(null)).toBe("any kernel");
    expect(shortRangeLabel(null)).toBe("any kernel");
  });
});

describe("parseRange", () => {
  it("keeps the trimmed source and splits || into clauses", () => {
    const r = parseRange("  5.4.x || 5.10.x ");
    expect(r.source).toBe("5.4.x || 5.10.x");
    expect(r.anyOf).toHaveLength(2);
    expect(r.anyOf[0]!.map((c) => c.op)).toEqual([">=", "<"]);
  });

  it("survives the trip to plain data and back (the browser's copy)", () => {
    for (const text of ["<5.8", "5.4.x || 5.10.x", "=5.4", "=5.4.0", ">=6.12.57 <6.13 || >=6.17.5"]) {
      const r = parseRange(text);
      const back = KernelRange.fromData(JSON.parse(JSON.stringify(r.toData())));
      expect(back.label).toBe(r.label);
      for (const v of ["5.4.0", "5.4.273", "5.7.19", "5.8.0", "5.10.1", "6.12.56", "6.12.57", "6.17.5"]) {
        const [major, minor, patch] = v.split(".").map(Number) as [number, number, number];
        expect(back.affects({ major, minor, patch })).toBe(r.affects({ major, minor, patch }));
      }
    }
  });

  it.each(["", "   ", "about 5.8", "5.8 or later", "<", ">=5.x", "5", "5.4.x ||", "|| 5.4.x", "=>5.4", "<5.8-rc1", "linux-5.4"])(
    "refuses %j with a RangeError",
    (range) => {
      expect(() => parseRange(range)).toThrow(RangeError);
    },
  );

  it("refuses a range longer than 200 characters, even a well-formed one", () => {
    const long = Array.from({ length: 40 }, () => "5.4.x").join(" || ");
    expect(() => parseRange(long)).toThrow(/longer than 200/);
  });

  it("names the part it cannot read", () => {
    expect(() => parseRange("about 5.8")).toThrow(/cannot read "about"/);
  });
});
