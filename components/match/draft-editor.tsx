"use client";

import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";

import { MAX_PREFILL_URL_CHARS, newIssueFileUrl } from "@/lib/constants";
import { normalizeNewlines, splitFile } from "@/lib/content/front-matter";
import { parseBody } from "@/lib/content/markdown";
import { loadIssueFile, type Problem } from "@/lib/content/parse";
import { checkSourceUrl } from "@/lib/content/source-url";
import { buildDraft, renderDraft, suggestSlug } from "@/lib/draft/draft";
import type { MatchResult } from "@/lib/match/types";
import { KindBadge, StatusBadge } from "@/components/badges";

export interface DraftEditorProps {
  /** The paste and the matcher's answer when "Write this up" was pressed. */
  paste: string;
  result: MatchResult;
  /** Where the repository's new-file page is (from the server: KB_REPO_URL, KB_REPO_BRANCH). */
  repo: { url: string; branch: string };
  onClose: () => void;
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const fieldClass =
  "w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 font-mono text-sm placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400";
const buttonClass = "rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800";
const proseClass = "prose prose-slate max-w-none text-sm dark:prose-invert prose-pre:bg-slate-900 prose-code:before:content-none prose-code:after:content-none";

/** Character offsets of the start and end of 1-based `line` in `text`. */
function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf("\n", start);
    if (nl < 0) break;
    start = nl + 1;
  }
  const end = text.indexOf("\n", start);
  return [start, end < 0 ? text.length : end];
}

/**
 * The draft write-up for a paste: built in the browser (lib/draft), edited here with the build's own
 * lint run on every change (lib/content/parse.ts), previewed as its page would render, then
 * downloaded or opened on the repository's new-file page. Nothing leaves the browser until a click.
 * Loaded on demand: /match's first load does not carry this code.
 */
export function DraftEditor({ paste, result, repo, onClose }: DraftEditorProps) {
  const today = useMemo(() => new Date().toISOString().slice(0, 10), []);
  const firstError = useMemo(() => buildDraft({ paste, result, slug: "x", ref: null, today }).errors[0]?.text ?? null, [paste, result, today]);
  const [slug, setSlug] = useState(() => suggestSlug(result.components, firstError));
  const [ref, setRef] = useState("");
  const refProblem = ref.trim() ? checkSourceUrl(ref.trim()) : null;
  const usableRef = ref.trim() && !refProblem ? ref.trim() : null;
  const generated = useMemo(() => renderDraft(buildDraft({ paste, result, slug, ref: usableRef, today })), [paste, result, slug, usableRef, today]);
  const [edited, setEdited] = useState<string | null>(null);
  const text = edited ?? generated;
  const deferred = useDeferredValue(text);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: "start" });
  }, []);

  const file = `content/issues/${SLUG.test(slug) ? slug : "draft"}.md`;
  const checked = useMemo(() => {
    const loaded = loadIssueFile(`content/issues/${slug}.md`, deferred);
    const split = splitFile(normalizeNewlines(deferred));
    const body = "message" in split ? null : parseBody(split.body);
    return { ...loaded, body };
  }, [slug, deferred]);
  const problems: Problem[] = checked.problems;
  const link = newIssueFileUrl(SLUG.test(slug) ? slug : "draft", text, repo);

  const jumpTo = (line: number) => {
    const ta = textarea.current;
    if (!ta) return;
    const [start, end] = lineRange(ta.value, line);
    ta.focus();
    ta.setSelectionRange(start, end);
    const lineHeight = parseFloat(getComputedStyle(ta).lineHeight) || 20;
    ta.scrollTop = Math.max(0, (line - 3) * lineHeight);
  };

  const download = () => {
    const url = URL.createObjectURL(new Blob([text], { type: "text/markdown;charset=utf-8" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = file.slice("content/issues/".length);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  return (
    <section aria-labelledby="draft-heading" className="space-y-4 rounded-lg border border-sky-200 p-4 dark:border-sky-900" data-testid="draft-editor">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h2 id="draft-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold">
            Draft write-up
          </h2>
          <p className="mt-1 max-w-3xl text-sm text-slate-700 dark:text-slate-300">
            Built from your paste: its error lines with templates, the kernel, components, subsystems and the error classes
            the matcher suggests. What the paste cannot say is listed at the top of the body for you to fill in. The draft
            stays in this page until you download it or open it on GitHub.
          </p>
        </div>
        <button type="button" onClick={onClose} className={buttonClass}>
          Close the draft
        </button>
      </div>

      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor="draft-slug" className="mb-1 block text-sm font-medium">
            File name (slug)
          </label>
          <input id="draft-slug" value={slug} onChange={(e) => setSlug(e.target.value.trim())} autoComplete="off" spellCheck={false} maxLength={80} className={fieldClass} />
        </div>
        <div>
          <label htmlFor="draft-ref" className="mb-1 block text-sm font-medium">
            The thread you read (https://…)
          </label>
          <input
            id="draft-ref"
            value={ref}
            onChange={(e) => setRef(e.target.value)}
            placeholder="https://github.com/owner/repo/issues/123"
            autoComplete="off"
            spellCheck={false}
            type="url"
            aria-describedby={refProblem ? "draft-ref-problem" : undefined}
            className={fieldClass}
          />
          {refProblem ? (
            <p id="draft-ref-problem" className="mt-1 text-xs text-rose-800 dark:text-rose-200">
              This link {refProblem}.
            </p>
          ) : null}
        </div>
      </div>
      {edited !== null && edited !== generated ? (
        <p className="flex flex-wrap items-center gap-2 text-xs text-slate-600 dark:text-slate-400">
          You edited the draft: the file name and the thread no longer rewrite it.
          <button type="button" onClick={() => setEdited(null)} className="text-sky-700 underline dark:text-sky-300">
            Rebuild it from the paste (drops your edits)
          </button>
        </p>
      ) : null}

      <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="space-y-3">
          <div>
            <label htmlFor="draft-text" className="mb-1 block text-sm font-medium">
              {file}
            </label>
            <textarea
              id="draft-text"
              ref={textarea}
              value={text}
              onChange={(e) => setEdited(e.target.value)}
              spellCheck={false}
              rows={24}
              aria-describedby="draft-lint-summary"
              className="block w-full resize-y rounded-md border border-slate-300 bg-white p-2 font-mono text-xs leading-5 dark:border-slate-700 dark:bg-slate-900"
            />
          </div>
          <div aria-labelledby="draft-lint-heading" role="region">
            <h3 id="draft-lint-heading" className="text-sm font-semibold">
              Lint (the checks <code>kb lint</code> and the build run)
            </h3>
            <p id="draft-lint-summary" role="status" className={`mt-1 text-sm ${problems.length ? "text-rose-800 dark:text-rose-200" : "text-emerald-800 dark:text-emerald-200"}`}>
              {problems.length
                ? `${problems.length} problem${problems.length === 1 ? "" : "s"} to fix before this file passes.`
                : "No problems in this file. Error classes and duplicate slugs are checked against the other write-ups when the site is built."}
            </p>
            {problems.length ? (
              <ul aria-label="Lint problems" className="mt-1 space-y-1 text-sm">
                {problems.map((p, i) => (
                  <li key={`${p.line}-${p.field}-${i}`}>
                    <button type="button" onClick={() => jumpTo(p.line)} className="text-left hover:underline">
                      <span className="font-mono text-xs text-slate-600 dark:text-slate-400">line {p.line}</span> <span className="font-medium">{p.field}</span>: {p.message}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" onClick={download} className="rounded-md bg-sky-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-800">
              Download {file.slice("content/issues/".length)}
            </button>
            {link ? (
              <a href={link} target="_blank" rel="noopener noreferrer" className={buttonClass}>
                Open on GitHub as a new file
              </a>
            ) : null}
          </div>
          {link ? null : (
            <p role="note" className="text-xs text-amber-800 dark:text-amber-200">
              The draft is too long for a prefilled GitHub link (over {MAX_PREFILL_URL_CHARS.toLocaleString("en")} characters once
              encoded): download it and add it to <code>content/issues/</code> in your fork.
            </p>
          )}
        </div>

        <div aria-labelledby="draft-preview-heading" role="region" className="min-w-0 rounded-md border border-slate-200 p-3 dark:border-slate-800">
          <h3 id="draft-preview-heading" className="mb-2 text-sm font-semibold text-slate-600 dark:text-slate-400">
            Page preview
          </h3>
          {checked.record ? (
            <div className="mb-3">
              <div className="mb-1 flex flex-wrap gap-1.5">
                <KindBadge kind={checked.record.kind} />
                <StatusBadge status={checked.record.status} />
              </div>
              <p className="text-xl font-bold tracking-tight">{checked.record.title}</p>
              <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{checked.record.summary}</p>
              {checked.record.errors.length ? (
                <ul className="mt-2 space-y-1">
                  {checked.record.errors.map((e, i) => (
                    <li key={i}>
                      <pre className="overflow-x-auto rounded-sm bg-slate-900 p-2 text-xs text-slate-100">
                        <code>{e.text}</code>
                      </pre>
                    </li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : (
            <p className="mb-3 text-xs text-slate-600 dark:text-slate-400">The front matter has problems (see Lint); the sections below are the body as it stands.</p>
          )}
          {checked.body && checked.body.problems.length === 0 ? (
            <div className="space-y-4">
              {checked.body.introHtml ? <div className={proseClass} dangerouslySetInnerHTML={{ __html: checked.body.introHtml }} /> : null}
              {checked.body.sections.map((s) => (
                <div key={s.id}>
                  <p className="mb-1 text-base font-semibold">{s.title}</p>
                  <div className={proseClass} dangerouslySetInnerHTML={{ __html: s.html }} />
                </div>
              ))}
            </div>
          ) : (
            <p className="text-xs text-slate-600 dark:text-slate-400">The body cannot be shown until its problems are fixed.</p>
          )}
        </div>
      </div>
    </section>
  );
}
