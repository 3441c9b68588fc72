import { Fragment } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { formatChatMessage } from "@/lib/chat-message";
import { editUrl, ROUTES } from "@/lib/constants";
import { getAllIssues, getClassesOf, getClassMembers, getIssue, getRelated } from "@/lib/content";
import { kernelPageForRange } from "@/lib/kernel/links";
import { toChatSource } from "@/lib/records/projections";
import type { Reference } from "@/lib/records/record";
import { CLAIM_SOURCE_LABELS, KIND_LABELS, STATUS_LABELS } from "@/lib/records/vocabulary";
import { facetHref } from "@/lib/search-params";
import { pageMetadata } from "@/app/page-metadata";
import { KindBadge, StatusBadge } from "@/components/badges";
import { CopyButton } from "@/components/copy-button";

export const dynamicParams = false;

export function generateStaticParams() {
  return getAllIssues().map((r) => ({ slug: r.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const record = getIssue(slug);
  if (!record) return { title: "Not found" };
  return pageMetadata({
    path: record.url,
    title: record.title,
    description: record.summary,
    type: "article",
    modified: record.updated,
    image: { url: ROUTES.issueImage(record.slug), alt: `${record.title}: ${KIND_LABELS[record.kind]}, ${STATUS_LABELS[record.status].toLowerCase()}; ${record.kernel.label}` },
  });
}

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-slate-100 py-2 last:border-0 sm:grid-cols-[9rem_minmax(0,1fr)] dark:border-slate-800">
      <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{term}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

const linkClass = "text-sky-700 hover:underline dark:text-sky-300";

/** "What the sources establish": each claim with who makes it and a link to the exact place. */
function Evidence({ claims }: { claims: Reference[] }) {
  return (
    <section aria-labelledby="evidence" className="mb-8 rounded-lg border border-slate-200 bg-slate-50 p-4 dark:border-slate-800 dark:bg-slate-900/40" data-testid="evidence">
      <h2 id="evidence" className="group mb-3 flex items-center gap-2 text-lg font-semibold">
        What the sources establish
        <a href="#evidence" className="heading-anchor" aria-label="Link to What the sources establish">
          #
        </a>
      </h2>
      <ul className="space-y-3 text-sm">
        {claims.map((r) => (
          <li key={r.url}>
            <p>{r.claim}</p>
            <p className="mt-0.5 text-slate-600 dark:text-slate-400">
              {r.by ? <span>{CLAIM_SOURCE_LABELS[r.by]} · </span> : null}
              <a href={r.url} className={`wrap-break-word underline ${linkClass}`} rel="noopener noreferrer">
                {r.title}
              </a>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

export default async function IssuePage({ params }: Props) {
  const { slug } = await params;
  const record = getIssue(slug);
  if (!record) notFound();
  const related = getRelated(slug);
  const members = record.kind === "error-class" ? getClassMembers(slug) : [];
  const classes = getClassesOf(record);
  const kernelPage = kernelPageForRange(record.kernel.range);
  const claims = record.references.filter((r) => r.claim);
  const chat = formatChatMessage(toChatSource(record));
  // The claims stand next to the cause they support: after "Root cause" (incident) or "Causes" (class).
  const evidenceAfter = claims.length === 0 ? undefined : (record.sections.find((s) => s.id === "root-cause" || s.id === "causes")?.id ?? null);

  return (
    <article className="mx-auto max-w-3xl">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm">
        <Link href="/" className={linkClass}>
          ← All records
        </Link>
      </nav>
      <header className="mb-6">
        <div className="mb-2 flex flex-wrap items-center gap-1.5">
          <KindBadge kind={record.kind} />
          <StatusBadge status={record.status} />
        </div>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{record.title}</h1>
        <p className="mt-3 text-slate-700 dark:text-slate-300">{record.summary}</p>
        <div className="mt-3 flex flex-wrap gap-2">
          <CopyButton value={record.url} label="Copy link to this page" />
          <CopyButton value={chat.text} html={chat.html} literal label="Copy for chat" ariaLabel="Copy for chat: title, cause, fix and link as plain text" />
          <CopyButton value={chat.markdown} literal label="Copy as Markdown" ariaLabel="Copy as Markdown: title, cause, fix and link, for chat" />
          <a href={editUrl(record.file)} className="inline-flex items-center rounded-sm border border-slate-300 px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-300 dark:hover:bg-slate-800">
            Edit this page
          </a>
        </div>
      </header>

      <dl className="mb-8 rounded-lg border border-slate-200 px-4 py-1 dark:border-slate-800">
        {record.components.length > 0 ? (
          <Fact term="Components">
            <ul className="flex flex-wrap gap-x-3 gap-y-1">
              {record.components.map((c) => (
                <li key={c.id}>
                  <Link href={facetHref("component", c.id)} className={`font-mono ${linkClass}`}>
                    {c.id}
                  </Link>
                  {c.versions ? <span className="text-slate-700 dark:text-slate-300"> {c.versions}</span> : null}
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
        <Fact term="Kernel">
          {kernelPage ? (
            <Link href={kernelPage.href} data-testid="kernel-range" className={linkClass}>
              {record.kernel.label}
            </Link>
          ) : (
            <span data-testid="kernel-range">{record.kernel.label}</span>
          )}
          {record.kernel.range ? (
            <span className="text-slate-600 dark:text-slate-400">
              {" "}
              (<code>{record.kernel.range.source}</code>)
            </span>
          ) : null}
          {record.kernel.fixedIn ? <span> · works from Linux {record.kernel.fixedIn}</span> : null}
          {record.kernel.note ? <p className="mt-1 text-slate-600 dark:text-slate-400">{record.kernel.note}</p> : null}
          <p className="mt-1 flex flex-wrap gap-x-4">
            {kernelPage ? (
              <Link href={kernelPage.href} className={linkClass}>
                What else breaks on Linux {kernelPage.version} →
              </Link>
            ) : null}
            <Link href={ROUTES.kernel} className={linkClass}>
              Check your kernel →
            </Link>
          </p>
        </Fact>
        {record.distros.length > 0 ? (
          <Fact term="Seen on">
            <ul className="list-inside list-disc">
              {record.distros.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </Fact>
        ) : null}
        <Fact term="Subsystems">
          <ul className="flex flex-wrap gap-x-3 gap-y-1">
            {record.subsystems.map((s) => (
              <li key={s}>
                <Link href={facetHref("subsystem", s)} className={linkClass}>
                  {s}
                </Link>
              </li>
            ))}
          </ul>
        </Fact>
        {classes.length > 0 ? (
          <Fact term="Error class">
            <ul>
              {classes.map((c) => (
                <li key={c.slug}>
                  <Link href={c.url} className={linkClass}>
                    {c.title}
                  </Link>
                </li>
              ))}
            </ul>
          </Fact>
        ) : null}
        <Fact term="Updated">
          <time dateTime={record.updated}>{record.updated}</time>
        </Fact>
      </dl>

      {record.errors.length > 0 ? (
        <section aria-labelledby="errors" className="mb-8">
          <h2 id="errors" className="group mb-3 flex items-center gap-2 text-xl font-semibold">
            Error messages
            <a href="#errors" className="heading-anchor" aria-label="Link to Error messages">
              #
            </a>
          </h2>
          <ul className="space-y-3">
            {record.errors.map((e, i) => (
              <li key={i}>
                <div className="relative">
                  <pre tabIndex={0} className="overflow-x-auto rounded-md bg-slate-900 p-3 pr-20 text-sm text-slate-100 dark:bg-slate-900">
                    <code>{e.text}</code>
                  </pre>
                  <CopyButton
                    value={e.text}
                    label="Copy"
                    ariaLabel={`Copy error message ${i + 1}`}
                    className="absolute right-2 top-2 rounded-sm border border-slate-600 bg-slate-800 px-2 py-0.5 text-xs text-slate-100 hover:bg-slate-700"
                  />
                </div>
                {e.where ? <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{e.where}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {record.introHtml ? (
        <div className="prose prose-slate mb-8 max-w-none dark:prose-invert prose-pre:bg-slate-900 prose-code:before:content-none prose-code:after:content-none" dangerouslySetInnerHTML={{ __html: record.introHtml }} />
      ) : null}
      {record.sections.map((s) => (
        <Fragment key={s.id}>
        <section aria-labelledby={s.id} className="mb-8">
          <h2 id={s.id} className="group mb-3 flex flex-wrap items-center gap-2 text-xl font-semibold">
            {s.title}
            <a href={`#${s.id}`} className="heading-anchor" aria-label={`Link to ${s.title}`}>
              #
            </a>
            <CopyButton value={`#${s.id}`} label="Copy link" ariaLabel={`Copy link to ${s.title}`} />
          </h2>
          <div className="prose prose-slate max-w-none dark:prose-invert prose-pre:bg-slate-900 prose-code:before:content-none prose-code:after:content-none" dangerouslySetInnerHTML={{ __html: s.html }} />
        </section>
        {s.id === evidenceAfter ? <Evidence claims={claims} /> : null}
        </Fragment>
      ))}
      {evidenceAfter === null ? <Evidence claims={claims} /> : null}

      {members.length > 0 ? (
        <section aria-labelledby="members" className="mb-8">
          <h2 id="members" className="mb-3 text-xl font-semibold">
            Incidents in this class
          </h2>
          <ul className="list-inside list-disc space-y-1">
            {members.map((m) => (
              <li key={m.slug}>
                <Link href={m.url} className={linkClass}>
                  {m.title}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="references" className="mb-8">
        <h2 id="references" className="group mb-3 flex items-center gap-2 text-xl font-semibold">
          References
          <a href="#references" className="heading-anchor" aria-label="Link to References">
            #
          </a>
        </h2>
        <ul className="list-inside list-disc space-y-1 text-sm">
          {record.references.map((r) => (
            <li key={r.url}>
              <a href={r.url} className={`wrap-break-word underline ${linkClass}`} rel="noopener noreferrer">
                {r.title}
              </a>
            </li>
          ))}
        </ul>
      </section>

      {related.length > 0 ? (
        <section aria-labelledby="related" className="mb-8">
          <h2 id="related" className="mb-3 text-xl font-semibold">
            Related
          </h2>
          <ul className="space-y-2">
            {related.map(({ record: r, reasons }) => (
              <li key={r.slug} className="text-sm">
                <Link href={r.url} className={`font-medium ${linkClass}`}>
                  {r.title}
                </Link>
                <span className="text-slate-600 dark:text-slate-400">
                  {" "}
                  · {KIND_LABELS[r.kind]} · {reasons.join("; ")}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
