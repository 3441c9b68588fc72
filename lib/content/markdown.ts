/**
 * A write-up's body: Markdown (GFM) split at its `##` headings into sections, each rendered to
 * sanitized HTML. Raw HTML in the Markdown is dropped, and sanitizing removes `javascript:` links and
 * any attribute the schema does not allow, so a write-up cannot put script on a page.
 */
import GithubSlugger from "github-slugger";
import type { Root as HastRoot } from "hast";
import type { Root as MdastRoot, RootContent } from "mdast";
import { toString as mdastToString } from "mdast-util-to-string";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import { remark } from "remark";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

import type { Section } from "@/lib/records";

export interface ParsedBody {
  /** `##` sections in order, with the line each heading stands on (1-based, within the body). */
  headings: { title: string; line: number }[];
  sections: Section[];
  /** Text before the first `##` heading, rendered; usually empty. */
  introHtml: string;
  text: string;
}

const schema: SanitizeSchema = {
  ...defaultSchema,
  // Heading ids are ours (slugged from trusted headings), so no "user-content-" prefix is needed.
  clobberPrefix: "",
  attributes: {
    ...defaultSchema.attributes,
    // The sanitizer uses the first className rule it finds, so the default footnote rule is replaced, not appended to.
    a: [...(defaultSchema.attributes?.a ?? []).filter((d) => !(Array.isArray(d) && d[0] === "className")), ["className", "data-footnote-backref", "heading-anchor"], "ariaLabel"],
    code: [["className", /^language-[\w-]+$/]],
    h3: ["id"],
    h4: ["id"],
  },
};

const toHtml = unified()
  .use(remarkRehype, { allowDangerousHtml: false })
  .use(rehypeSlug)
  .use(rehypeAutolinkHeadings, {
    behavior: "append",
    properties: { className: ["heading-anchor"], ariaLabel: "Link to this heading" },
    content: { type: "text", value: "#" },
  })
  .use(rehypeSanitize, schema)
  .use(focusableCodeBlocks)
  .use(rehypeStringify);

const parser = remark().use(remarkGfm);

/** Code blocks scroll sideways; keyboard users must be able to focus them to scroll (WCAG 2.1.1). */
function focusableCodeBlocks() {
  return (tree: HastRoot) => {
    const visit = (node: HastRoot | HastRoot["children"][number]) => {
      if (node.type === "element" && node.tagName === "pre") node.properties = { ...node.properties, tabIndex: 0 };
      if ("children" in node) node.children.forEach(visit);
    };
    visit(tree);
  };
}

function render(nodes: RootContent[]): string {
  const root: MdastRoot = { type: "root", children: nodes };
  const hast = toHtml.runSync(root) as HastRoot;
  return toHtml.stringify(hast);
}

export function parseBody(markdown: string): ParsedBody {
  const tree = parser.parse(markdown);
  const slugger = new GithubSlugger();
  const headings: ParsedBody["headings"] = [];
  const sections: Section[] = [];
  let intro: RootContent[] = [];
  let current: { title: string; nodes: RootContent[] } | null = null;
  const flush = () => {
    if (current) {
      sections.push({ id: slugger.slug(current.title), title: current.title, html: render(current.nodes) });
    }
  };
  for (const node of tree.children) {
    if (node.type === "heading" && node.depth === 2) {
      flush();
      const title = mdastToString(node).trim();
      headings.push({ title, line: node.position?.start.line ?? 1 });
      current = { title, nodes: [] };
    } else if (node.type === "heading" && node.depth === 1) {
      // The page title comes from frontmatter; a body `#` heading would compete with it. Demote it.
      (current?.nodes ?? intro).push({ ...node, depth: 3 });
    } else if (current) {
      current.nodes.push(node);
    } else {
      intro.push(node);
    }
  }
  flush();
  const introHtml = intro.length > 0 ? render(intro) : "";
  intro = [];
  const text = tree.children.map((n) => mdastToString(n)).join("\n");
  return { headings, sections, introHtml, text };
}
