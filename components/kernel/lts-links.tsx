import Link from "next/link";

import { LTS_KERNELS } from "@/lib/constants";
import { kernelPageHref } from "@/lib/kernel/links";

export function LtsLinks({ current }: { current?: string }) {
  return (
    <nav aria-label="Long-term kernels" className="text-sm">
      <span className="mr-2 text-slate-600 dark:text-slate-400">Long-term kernels:</span>
      <ul className="inline-flex flex-wrap gap-2">
        {LTS_KERNELS.map((v) => (
          <li key={v}>
            <Link
              href={kernelPageHref(v)}
              aria-current={current === v ? "page" : undefined}
              className={`rounded-sm border px-2 py-0.5 font-mono text-xs ${
                current === v
                  ? "border-sky-700 bg-sky-700 text-white"
                  : "border-slate-300 text-slate-800 hover:bg-slate-100 dark:border-slate-700 dark:text-slate-200 dark:hover:bg-slate-800"
              }`}
            >
              {v}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
