import Link from "next/link";

import type { KernelReport, MissingFact } from "@/lib/kernel/report";
import { KIND_LABELS } from "@/lib/records/vocabulary";

const linkClass = "text-sky-700 hover:underline dark:text-sky-300";

/** Facts grouped by the kernel that added them, newest first: "5.8: bpf_a, bpf_b". */
function FactGroups({ facts, label }: { facts: MissingFact[]; label: string }) {
  if (facts.length === 0) return <p className="text-sm text-slate-700 dark:text-slate-300">None missing: this kernel has every {label} in the table.</p>;
  const groups = new Map<string, MissingFact[]>();
  for (const f of facts) {
    const k = f.sinceKernel ?? "unknown";
    groups.set(k, [...(groups.get(k) ?? []), f]);
  }
  const ordered = [...groups].sort(([a], [b]) => b.localeCompare(a, undefined, { numeric: true }));
  return (
    <dl className="space-y-2 text-sm">
      {ordered.map(([since, list]) => (
        <div key={since} className="grid gap-1 sm:grid-cols-[6rem_minmax(0,1fr)]">
          <dt className="font-medium text-slate-600 dark:text-slate-400">added in {since}</dt>
          <dd className="flex min-w-0 flex-wrap gap-x-3 gap-y-1">
            {list.map((f) => (
              <code key={f.id} className="break-all text-xs" title={`id ${f.id}`}>
                {f.fullName}
              </code>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export interface KernelReportViewProps {
  report: KernelReport;
}

export function KernelReportView({ report }: KernelReportViewProps) {
  const unmet = report.requirements.filter((r) => !r.met);
  return (
    <div className="space-y-8" data-testid="kernel-report">
      <section aria-labelledby="kernel-summary">
        <h2 id="kernel-summary" className="text-xl font-semibold">
          {report.input ? (
            <>
              Kernel <code>{report.input}</code>
            </>
          ) : (
            "Kernel from bpftool probe output"
          )}
        </h2>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          {report.version ? <>Mainline version {report.version}. </> : null}
          {report.basis === "probe"
            ? `The lists below come from the bpftool probe output you pasted (${report.probe?.progTypes ?? 0} program types, ${report.probe?.mapTypes ?? 0} map types and ${report.probe?.helpers ?? 0} helpers reported available).`
            : "The lists below come from the version number: what mainline Linux of that version lacks."}
        </p>
        {report.distro ? (
          <div
            role="note"
            className={`mt-3 rounded-md border p-3 text-sm ${
              report.distro.backports
                ? "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100"
                : "border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-900"
            }`}
          >
            <p className="font-medium">
              {report.distro.distro}
              {report.distro.backports ? ": this vendor backports BPF features" : ""}
            </p>
            <p className="mt-1">{report.distro.note}</p>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="kernel-incidents">
        <h2 id="kernel-incidents" className="mb-2 text-lg font-semibold">
          Known incidents on this kernel ({report.incidents.length})
        </h2>
        {report.incidents.length === 0 ? (
          <p className="text-sm text-slate-700 dark:text-slate-300">
            {report.version ? "No record in the knowledge base is tied to this kernel version." : "Give a kernel version to see the incidents tied to it."}
          </p>
        ) : (
          <ul className="space-y-2">
            {report.incidents.map((i) => (
              <li key={i.slug} className="text-sm">
                <Link href={`/issues/${i.slug}`} className={`font-medium ${linkClass}`}>
                  {i.title}
                </Link>
                <span className="text-slate-600 dark:text-slate-400">
                  {" "}
                  · {KIND_LABELS[i.kind]} · {i.label}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>

      {report.requirements.length > 0 ? (
        <section aria-labelledby="kernel-requirements">
          <h2 id="kernel-requirements" className="mb-2 text-lg font-semibold">
            Tool requirements not met ({unmet.length} of {report.requirements.length})
          </h2>
          {unmet.length === 0 ? (
            <p className="text-sm text-slate-700 dark:text-slate-300">Every documented minimum kernel in the table is met.</p>
          ) : (
            <ul className="space-y-2 text-sm">
              {unmet.map((r) => (
                <li key={`${r.component}-${r.feature}`}>
                  <span className="font-medium">{r.feature}</span> needs Linux {r.minKernel}.{" "}
                  <a href={r.source} className={`underline ${linkClass}`} rel="noopener noreferrer">
                    Source
                  </a>
                  {r.note ? <span className="block text-slate-600 dark:text-slate-400">{r.note}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="kernel-helpers">
        <h2 id="kernel-helpers" className="mb-2 text-lg font-semibold">
          Helpers it lacks ({report.missingHelpers.length})
        </h2>
        <FactGroups facts={report.missingHelpers} label="helper" />
      </section>
      <section aria-labelledby="kernel-progs">
        <h2 id="kernel-progs" className="mb-2 text-lg font-semibold">
          Program types it lacks ({report.missingProgTypes.length})
        </h2>
        <FactGroups facts={report.missingProgTypes} label="program type" />
      </section>
      <section aria-labelledby="kernel-maps">
        <h2 id="kernel-maps" className="mb-2 text-lg font-semibold">
          Map types it lacks ({report.missingMapTypes.length})
        </h2>
        <FactGroups facts={report.missingMapTypes} label="map type" />
      </section>
    </div>
  );
}
