import { KIND_LABELS, STATUS_LABELS, type Kind, type Status } from "@/lib/records/vocabulary";

const STATUS_STYLE: Record<Status, string> = {
  open: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200",
  workaround: "border-sky-300 bg-sky-50 text-sky-900 dark:border-sky-700 dark:bg-sky-950 dark:text-sky-200",
  fixed: "border-emerald-300 bg-emerald-50 text-emerald-900 dark:border-emerald-700 dark:bg-emerald-950 dark:text-emerald-200",
  info: "border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-200",
};

const KIND_STYLE: Record<Kind, string> = {
  incident: "border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-700 dark:bg-rose-950 dark:text-rose-200",
  "error-class": "border-violet-300 bg-violet-50 text-violet-900 dark:border-violet-700 dark:bg-violet-950 dark:text-violet-200",
  "upgrade-note": "border-teal-300 bg-teal-50 text-teal-900 dark:border-teal-700 dark:bg-teal-950 dark:text-teal-200",
};

export function StatusBadge({ status }: { status: Status }) {
  return (
    <span className={`chip ${STATUS_STYLE[status]}`}>
      <span className="sr-only">Status: </span>
      {STATUS_LABELS[status]}
    </span>
  );
}

export function KindBadge({ kind }: { kind: Kind }) {
  return <span className={`chip ${KIND_STYLE[kind]}`}>{KIND_LABELS[kind]}</span>;
}
