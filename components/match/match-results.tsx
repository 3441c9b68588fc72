import Link from "next/link";

import { ROUTES } from "@/lib/constants";
import { kernelPageHref } from "@/lib/kernel/links";
import { browseHref } from "@/lib/search-params";
import type { DecodedItem, MatchResult, VerifierDecodedItem, VerifierFailure } from "@/lib/match/types";
import { KIND_LABELS } from "@/lib/records/vocabulary";

const linkClass = "text-sky-700 hover:underline dark:text-sky-300";
/** A link inside a sentence: underlined, so it does not stand out by colour alone (WCAG 1.4.1). */
const inlineLinkClass = "text-sky-700 underline hover:no-underline dark:text-sky-300";

const chipClass = "mr-2 rounded-sm bg-slate-100 px-1.5 py-0.5 text-xs uppercase tracking-wide text-slate-700 dark:bg-slate-800 dark:text-slate-300";

/** One verifier message of the paste: its template (linked to its catalog entry), what it means, the usual fix and class. */
function VerifierDecoded({ d }: { d: VerifierDecodedItem }) {
  const span = d.firstKernel === d.lastKernel ? `Linux ${d.firstKernel} only` : `Linux ${d.firstKernel} to ${d.lastKernel}`;
  return (
    <>
      <p>
        <span className={chipClass}>verifier</span>
        <Link prefetch={false} href={d.url} className={`break-words font-mono font-semibold ${linkClass}`} data-testid="verifier-message-link">
          {d.name}
        </Link>
        {d.lines.length ? <span className="text-slate-600 dark:text-slate-400"> · line {d.lines.slice(0, 5).join(", ")}</span> : null}
      </p>
      <p className="mt-0.5 break-words text-xs text-slate-600 dark:text-slate-400">
        {d.check ? <code>{d.check}()</code> : "top-level code"} in <code>{d.file}</code> · {span}
        {d.errno ? ` · then ${d.errno}` : ""}
      </p>
      {d.kernelNote ? (
        <p className={`mt-1 font-medium ${d.kernelFit === "outside" ? "text-rose-800 dark:text-rose-200" : "text-amber-800 dark:text-amber-200"}`}>{d.kernelNote}</p>
      ) : null}
      <p className="mt-1 text-slate-700 dark:text-slate-300">
        {d.meaning ?? (
          <>
            No explanation written yet: read {d.check ? <code>{d.check}()</code> : <code>{d.file}</code>} in the kernel source for the check that prints it.
          </>
        )}
      </p>
      {d.fix ? (
        <p className="mt-1 text-slate-700 dark:text-slate-300">
          <span className="font-medium">Usual fix:</span> {d.fix}
        </p>
      ) : null}
      {d.class ? (
        <p className="mt-1">
          Error class:{" "}
          <Link prefetch={false} href={d.class.url} className={inlineLinkClass}>
            {d.class.title}
          </Link>
        </p>
      ) : null}
      {d.otherFormats?.map((o) => (
        <p key={o.id} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
          {o.firstKernel === o.lastKernel ? `Linux ${o.firstKernel} prints` : `Linux ${o.firstKernel} to ${o.lastKernel} print`} the same line from{" "}
          <Link prefetch={false} href={ROUTES.verifierMessage(o.id)} className={`font-mono ${inlineLinkClass}`}>
            {o.template}
          </Link>
          .
        </p>
      ))}
    </>
  );
}

function DecodedPanel({ items, kernel }: { items: DecodedItem[]; kernel: string | null }) {
  return (
    <section aria-labelledby="decoded" className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="decoded" className="mb-2 text-lg font-semibold">
        What the kernel is saying
      </h2>
      {items.length === 0 ? (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          No helper id, program or map type, errno, loader placeholder or verifier message found in the paste.
        </p>
      ) : (
        <ul className="space-y-3">
          {items.map((d, i) => (
            <li key={`${d.kind}-${d.id}-${i}`} className="text-sm" data-testid="decoded-item">
              {d.kind === "verifier" ? (
                <VerifierDecoded d={d} />
              ) : (
                <>
                  <p>
                    <span className={chipClass}>{d.kind}</span>
                    <code className="font-semibold">{d.name}</code>
                    {d.kind === "helper" || d.kind === "prog-type" || d.kind === "map-type" ? (
                      <span className="text-slate-600 dark:text-slate-400">
                        {" "}
                        #{d.id}
                        {d.sinceKernel ? ` · since Linux ${d.sinceKernel}` : ""}
                      </span>
                    ) : null}
                    {d.lines.length ? <span className="text-slate-600 dark:text-slate-400"> · line {d.lines.slice(0, 5).join(", ")}</span> : null}
                  </p>
                  <p className={`mt-1 ${d.missingOnKernel ? "font-medium text-rose-800 dark:text-rose-200" : "text-slate-700 dark:text-slate-300"}`}>{d.note}</p>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {kernel ? (
        <p className="mt-3 text-sm">
          <Link prefetch={false} href={kernelPageHref(kernel)} className={linkClass} data-testid="kernel-link">
            Everything Linux {kernel} lacks →
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** Linux 7.3's own explanation of the failure: category, reason, the failing instruction, the suggestion. */
function FailurePanel({ f }: { f: VerifierFailure }) {
  const where = f.lines.length > 1 ? `lines ${f.lines[0]}–${f.lines[1]}` : `line ${f.lines[0]}`;
  return (
    <section aria-labelledby="verifier-failure" className="rounded-lg border border-rose-200 bg-rose-50/40 p-4 text-sm dark:border-rose-900 dark:bg-rose-950/30" data-testid="verifier-failure">
      <h2 id="verifier-failure" className="text-lg font-semibold">
        The verifier’s report
      </h2>
      <p className="mb-2 text-xs text-slate-600 dark:text-slate-400">Linux 7.3 and later explain a rejection in a block of their own ({where}).</p>
      <p className="font-medium">
        {f.category}
        {f.title ? `: ${f.title}` : ""}
      </p>
      <dl className="mt-2 grid grid-cols-[minmax(0,1fr)] gap-x-3 gap-y-2 sm:grid-cols-[7rem_minmax(0,1fr)]">
        {f.reason ? (
          <>
            <dt className="font-medium text-slate-700 dark:text-slate-300">Reason</dt>
            <dd>{f.reason}</dd>
          </>
        ) : null}
        {f.at ? (
          <>
            <dt className="font-medium text-slate-700 dark:text-slate-300">At</dt>
            <dd className="min-w-0">
              {f.at.where ? <code className="break-words">{f.at.where}</code> : null}
              {f.at.source ? (
                <pre tabIndex={0} className="mt-1 overflow-x-auto rounded-sm bg-white px-2 py-1 text-xs dark:bg-slate-900">
                  {f.at.source}
                </pre>
              ) : null}
              {f.at.instruction ? (
                <pre tabIndex={0} className="mt-1 overflow-x-auto rounded-sm bg-white px-2 py-1 text-xs dark:bg-slate-900">
                  {f.at.insn !== null ? `${f.at.insn}: ` : ""}
                  {f.at.instruction}
                </pre>
              ) : null}
              {f.at.annotation ? <p className="mt-1 text-slate-700 dark:text-slate-300">{f.at.annotation}</p> : null}
            </dd>
          </>
        ) : null}
        {f.activeLock ? (
          <>
            <dt className="font-medium text-slate-700 dark:text-slate-300">Active lock</dt>
            <dd className="break-words">{f.activeLock}</dd>
          </>
        ) : null}
        {f.causalPath.length ? (
          <>
            <dt className="font-medium text-slate-700 dark:text-slate-300">Causal path</dt>
            <dd>
              <ol className="list-decimal space-y-0.5 pl-5">
                {f.causalPath.map((e, i) => (
                  <li key={i} className="break-words">
                    {e}
                  </li>
                ))}
              </ol>
            </dd>
          </>
        ) : null}
        {f.suggestion ? (
          <>
            <dt className="font-medium text-slate-700 dark:text-slate-300">Suggestion</dt>
            <dd>{f.suggestion}</dd>
          </>
        ) : null}
      </dl>
      {f.class ? (
        <p className="mt-3">
          Error class:{" "}
          <Link prefetch={false} href={f.class.url} className={inlineLinkClass}>
            {f.class.title}
          </Link>{" "}
          <span className="text-slate-600 dark:text-slate-400">({f.class.why})</span>
        </p>
      ) : null}
    </section>
  );
}

export interface MatchResultsProps {
  result: MatchResult;
}

export function MatchResults({ result }: MatchResultsProps) {
  const confident = result.matches.filter((m) => m.confident);
  return (
    <div className="space-y-6">
      {result.notices.length > 0 ? (
        <ul className="space-y-1" aria-label="Notices">
          {result.notices.map((n, i) => (
            <li key={i} className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
              <p role="note">
                {n.line ? `Line ${n.line}: ` : ""}
                {n.message}
              </p>
            </li>
          ))}
        </ul>
      ) : null}

      {result.verifierFailure ? <FailurePanel f={result.verifierFailure} /> : null}

      <section aria-labelledby="matches">
        <h2 id="matches" className="mb-1 text-lg font-semibold">
          {confident.length > 0
            ? `Likely cause${confident.length > 1 ? "s" : ""}`
            : result.matches.length > 0
              ? "No confident match: possible leads"
              : "No match"}
        </h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          {result.kernel ? (
            <>
              Kernel{" "}
              <Link prefetch={false} href={kernelPageHref(result.kernel)} className={inlineLinkClass}>
                {result.kernel}
              </Link>
              {result.kernelSource?.from === "paste" && result.kernelSource.line ? ` (from line ${result.kernelSource.line})` : ""}
              {" · "}
            </>
          ) : null}
          {result.components.length ? <>Components: {result.components.join(", ")} · </> : null}
          {result.stats.lines.toLocaleString("en-US")} line{result.stats.lines === 1 ? "" : "s"}
          {result.truncated ? " (start and end read)" : ""} matched in {Math.max(1, Math.round(result.stats.ms))} ms
        </p>
        {confident.length === 0 && (result.family || result.search) ? (
          <div className="mb-3 rounded-lg border border-sky-200 bg-sky-50 p-3 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950 dark:text-sky-100" data-testid="family">
            {result.family ? (
              <p>
                This message belongs to the error family{" "}
                <Link prefetch={false} href={result.family.url} className="font-medium underline">
                  {result.family.title}
                </Link>{" "}
                ({result.family.reason}): its page lists the usual causes and how to check each on a node.
              </p>
            ) : (
              <p>No write-up covers this message yet. The decoded values below say what the kernel reported.</p>
            )}
            {result.search ? (
              <p className="mt-1">
                <Link prefetch={false} href={browseHref({ q: result.search })} className="underline">
                  Search the knowledge base for “{result.search}”
                </Link>
              </p>
            ) : null}
          </div>
        ) : null}
        {result.matches.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 p-6 text-sm text-slate-700 dark:border-slate-700 dark:text-slate-300">
            Nothing in the knowledge base explains this paste. The decoded messages below may still help;{" "}
            <Link prefetch={false} href="/" className={linkClass}>
              browse by component
            </Link>{" "}
            or paste more of the log (the lines before the error often name the program and the kernel).
          </p>
        ) : (
          <ol className="space-y-3" aria-label="Matches">
            {result.matches.map((m) => (
              <li key={m.slug} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid="match-card">
                <div className="mb-1 flex flex-wrap items-center gap-2 text-xs">
                  <span
                    className={`chip ${
                      m.confident
                        ? "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-100"
                        : "border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200"
                    }`}
                  >
                    {m.confident ? "Confident" : "Possible"}
                  </span>
                  <span className="text-slate-600 dark:text-slate-400">
                    {KIND_LABELS[m.kind]} · score {Math.round(m.score * 100)}%
                  </span>
                </div>
                <h3 className="font-semibold">
                  <Link prefetch={false} href={m.url} className={linkClass}>
                    {m.title}
                  </Link>
                </h3>
                {m.evidence.length > 0 ? (
                  <ul className="mt-2 space-y-1.5 text-sm" aria-label="Evidence">
                    {m.evidence.map((e, i) => (
                      <li key={i} className={e.against ? "text-rose-800 dark:text-rose-200" : "text-slate-700 dark:text-slate-300"}>
                        <span className="font-medium">{e.against ? "Against: " : ""}</span>
                        {e.reason}
                        {e.line > 0 ? <span className="text-slate-600 dark:text-slate-400"> (line {e.line})</span> : null}
                        {e.text ? (
                          <pre tabIndex={0} className="mt-1 overflow-x-auto rounded-sm bg-amber-50 px-2 py-1 text-xs text-slate-900 dark:bg-amber-950 dark:text-amber-50">
                            <mark className="bg-transparent text-inherit">{e.text}</mark>
                          </pre>
                        ) : null}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <DecodedPanel items={result.decoded} kernel={result.kernel} />
    </div>
  );
}
