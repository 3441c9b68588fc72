import { describe, expect, it } from "vitest";

import { atLeast, compareVersions, formatSeries, formatVersion, parseKernelVersion, parseStrictVersion } from "@/lib/kernel/version";

describe("parseKernelVersion", () => {
  it.each([
    ["5.4.0-189-generic", 5, 4, 0, "-189-generic"],
    ["5.4.257-1.el7.elrepo.x86_64", 5, 4, 257, "-1.el7.elrepo.x86_64"],
    ["4.18.0-553.el8_10.x86_64", 4, 18, 0, "-553.el8_10.x86_64"],
    ["6.12.63-84.121.amzn2023.x86_64", 6, 12, 63, "-84.121.amzn2023.x86_64"],
    ["5.15.0-1042-azure", 5, 15, 0, "-1042-azure"],
    ["6.1.0-9-amd64", 6, 1, 0, "-9-amd64"],
    ["5.4", 5, 4, 0, ""],
    ["5.4.273", 5, 4, 273, ""],
    ["  6.6.30\n", 6, 6, 30, ""],
  ])("uname -r %s → %i.%i.%i", (input, major, minor, patch, suffix) => {
    expect(parseKernelVersion(input)).toEqual({ major, minor, patch, suffix, raw: input.trim() });
  });

  it("reads the release field of a uname -a line", () => {
    const v = parseKernelVersion("Linux aks-nodepool1-123 5.15.0-1042-azure #49-Ubuntu SMP Tue Jul 11 14:51:50 UTC 2023 x86_64 x86_64 x86_64 GNU/Linux");
    expect(v).toMatchObject({ major: 5, minor: 15, patch: 0, suffix: "-1042-azure" });
  });

  it("takes the release field, not a version-like hostname, from uname -a", () => {
    const v = parseKernelVersion("Linux node-6.9.1 4.18.0-553.el8_10.x86_64 #1 SMP Fri May 10 15:19:13 UTC 2024 x86_64 GNU/Linux");
    expect(v).toMatchObject({ major: 4, minor: 18, patch: 0 });
  });

  it("reads a version inside a sentence", () => {
    expect(parseKernelVersion("my node runs 6.1.0-9-amd64 since Tuesday")).toMatchObject({ major: 6, minor: 1, patch: 0 });
  });

  it.each([
    ["empty", ""],
    ["spaces", "   "],
    ["words", "latest kernel"],
    ["one number", "5"],
    ["an IP address", "192.168.1.1"],
    ["major too small", "1.2.3"],
    ["major too large", "10.4.0"],
    ["letters glued on", "v5x4"],
  ])("garbage (%s) → null", (_name, input) => {
    expect(parseKernelVersion(input)).toBeNull();
  });
});

describe("version helpers", () => {
  const v = (s: string) => parseKernelVersion(s)!;

  it("compareVersions orders numerically, not as text", () => {
    expect(compareVersions(v("5.10"), v("5.9"))).toBeGreaterThan(0);
    expect(compareVersions(v("5.4.257-1.el7"), v("5.4.0-189-generic"))).toBeGreaterThan(0);
    expect(compareVersions(v("4.18.0-553.el8_10.x86_64"), v("5.4"))).toBeLessThan(0);
    expect(compareVersions(v("6.1.0-9-amd64"), v("6.1"))).toBe(0);
  });

  it("formats the mainline triple and the series", () => {
    expect(formatVersion(v("5.4.0-189-generic"))).toBe("5.4.0");
    expect(formatSeries(v("6.12.63-84.121.amzn2023.x86_64"))).toBe("6.12");
  });

  it("parseStrictVersion accepts only major.minor[.patch]", () => {
    expect(parseStrictVersion("5.8")).toMatchObject({ major: 5, minor: 8, patch: 0 });
    expect(parseStrictVersion("5.8.1")).toMatchObject({ major: 5, minor: 8, patch: 1 });
    expect(parseStrictVersion("5.8-rc1")).toBeNull();
    expect(parseStrictVersion("about 5.8")).toBeNull();
    expect(parseStrictVersion("5.8.123456")).toBeNull();
  });

  it("parseStrictVersion reads back formatVersion of any version the readers accept (found by fast-check)", () => {
    const v = parseKernelVersion("2.0.10000-189-generic");
    expect(v).toMatchObject({ major: 2, minor: 0, patch: 10000 });
    expect(parseStrictVersion(formatVersion(v!))).toMatchObject({ major: 2, minor: 0, patch: 10000 });
  });

  it("atLeast compares against a since-kernel", () => {
    expect(atLeast(v("5.8.0"), "5.8")).toBe(true);
    expect(atLeast(v("5.7.19"), "5.8")).toBe(false);
    expect(atLeast(v("5.15.0-1042-azure"), "5.8")).toBe(true);
    expect(atLeast(v("5.15.0"), "not a version")).toBe(false);
  });
});
