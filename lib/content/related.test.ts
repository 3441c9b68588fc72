/**
 * getRelated and getClassMembers read lists built once per load (issue 12: a pass over every record
 * for every page made a 10,000-record build quadratic). They must give what a pass over every record
 * gives: checked here for every record of content/.
 */
import { describe, expect, it } from "vitest";

import { getAllIssues, getClassMembers, getRelated, relation } from "@/lib/content";

describe("related records (from the lists, as a pass over every record gives them)", () => {
  const all = getAllIssues();

  const bruteRelated = (slug: string, limit = 6) => {
    const self = all.find((r) => r.slug === slug)!;
    return all
      .filter((o) => o.slug !== slug)
      .map((record) => ({ record, ...relation(self, record) }))
      .filter((x) => x.weight > 1)
      .sort((a, b) => b.weight - a.weight || a.record.title.localeCompare(b.record.title))
      .slice(0, limit)
      .map(({ record, reasons }) => ({ slug: record.slug, reasons }));
  };

  it("lists the same records with the same reasons for every write-up", () => {
    expect(all.length).toBeGreaterThan(50);
    let withRelated = 0;
    for (const r of all) {
      const got = getRelated(r.slug).map((x) => ({ slug: x.record.slug, reasons: x.reasons }));
      expect(got, r.slug).toEqual(bruteRelated(r.slug));
      if (got.length) withRelated++;
    }
    // Most write-ups share a component or a subsystem with another one.
    expect(withRelated).toBeGreaterThan(all.length / 2);
    expect(getRelated(all[0]!.slug, 50).length).toBeGreaterThan(6);
    expect(getRelated(all[0]!.slug, 50).map((x) => x.record.slug)).toEqual(bruteRelated(all[0]!.slug, 50).map((x) => x.slug));
  });

  it("lists an error class's members as a filter over every record does", () => {
    let classes = 0;
    for (const c of all.filter((r) => r.kind === "error-class")) {
      classes++;
      expect(getClassMembers(c.slug).map((r) => r.slug), c.slug).toEqual(all.filter((r) => r.classes.includes(c.slug)).map((r) => r.slug));
    }
    expect(classes).toBeGreaterThan(10);
    expect(getClassMembers("no-such-class")).toEqual([]);
    expect(getRelated("no-such-record")).toEqual([]);
  });
});
