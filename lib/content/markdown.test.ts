import { describe, expect, it } from "vitest";

import { parseBody, scanHeadings } from "@/lib/content/markdown";

describe("scanHeadings (the outline mode's line scan)", () => {
  it("reads ## headings as the Markdown parser does, closing #s and white space included", () => {
    const body = ["## Symptoms ##", "## #", "##x", "### Deeper", "   ## Indented", "    ## Code", "## a #b", "## a#", "##\tTab\t", "##", "## Root  cause   ###   "].join("\n\n");
    const outline = scanHeadings(body).map((h) => h.title);
    expect(outline).toEqual(["Symptoms", "", "Indented", "a #b", "a#", "Tab", "", "Root  cause"]);
    // The same titles as remark's (which folds nothing inside the title).
    const parsed = parseBody(body, "check").headings.map((h) => h.title);
    expect(parsed).toEqual(outline);
  });

  it("a heading with 32,000 spaces in it is read in one pass (was 1.1 s: the expression retried at every space)", () => {
    const line = `## Extra${" ".repeat(32_000)}y`;
    expect(scanHeadings(line)).toEqual([{ title: `Extra${" ".repeat(32_000)}y`, line: 1 }]);
    expect(scanHeadings(`## Extra${" \t".repeat(16_000)}`)).toEqual([{ title: "Extra", line: 1 }]);
  });
});
