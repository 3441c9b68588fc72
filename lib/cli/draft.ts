/**
 * `kb draft --slug SLUG [--ref URL] [--kernel VERSION] < paste.txt`: prints a draft write-up built from a
 * pasted error (lib/draft), the same draft the /match page's "Write this up" opens. With --ref, the draft
 * passes `kb lint` as it stands (status open, the thread cited as reporting the failure); what the paste
 * cannot say is listed in its body for a human. Standard output carries the file alone; what the
 * draft still lacks goes to standard error.
 */
import { stringOption, UsageError, type Command } from "@/lib/cli/command";
import { checkSourceUrl } from "@/lib/content/source-url";
import { parseKernelRelease } from "@/lib/kernel/version";
import { buildMatchIndex, matchPaste } from "@/lib/match";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const draft: Command = {
  name: "draft",
  synopsis: "draft --slug SLUG [--ref URL] [--kernel VERSION] < paste.txt",
  summary: "a draft write-up (content/issues/SLUG.md) from a pasted error",
  options: { slug: { type: "string" }, ref: { type: "string" }, kernel: { type: "string" } },
  positionals: [0, 0],
  async run(args, io) {
    const slug = stringOption(args, "slug");
    if (slug === undefined) throw new UsageError("draft needs --slug SLUG (the file name, lowercase kebab-case)");
    if (!SLUG.test(slug) || slug.length > 80) throw new UsageError(`--slug: "${slug.slice(0, 80)}" is not lowercase kebab-case, like cilium-map-create-fails`);
    const ref = stringOption(args, "ref");
    const refProblem = ref === undefined ? null : checkSourceUrl(ref);
    if (ref !== undefined && refProblem) throw new UsageError(`--ref: "${ref.slice(0, 120)}" ${refProblem}`);
    const kernel = stringOption(args, "kernel");
    if (kernel !== undefined && !parseKernelRelease(kernel)) {
      throw new UsageError(`--kernel: "${kernel.slice(0, 80)}" is not a kernel version (try what uname -r prints, e.g. 5.4.0-189-generic)`);
    }
    const paste = await io.readStdin();
    if (!paste.trim()) {
      io.stderr("kb: nothing to draft from: pipe the error into it, e.g. kubectl logs POD | npm run -s kb -- draft --slug SLUG\n");
      return 1;
    }
    // The loader and the draft writer are imported here, so that the CLI's other commands start without them.
    const [{ getAllIssues }, { formatProblem, loadIssueFile }, { buildDraft, renderDraft }, { toMatchSource }] = await Promise.all([
      import("@/lib/content"),
      import("@/lib/content/parse"),
      import("@/lib/draft/draft"),
      import("@/lib/records/projections"),
    ]);
    const result = matchPaste(buildMatchIndex(getAllIssues().map(toMatchSource)), paste, { kernel: kernel ?? null });
    const text = renderDraft(buildDraft({ paste, result, slug, ref: ref ?? null, today: new Date().toISOString().slice(0, 10) }));
    io.stdout(text);
    const { problems } = loadIssueFile(`content/issues/${slug}.md`, text);
    if (problems.length) io.stderr(`kb: the draft does not pass lint yet:\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}\n`);
    return 0;
  },
};
