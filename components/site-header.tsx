import Link from "next/link";

import { ROUTES, SITE_NAME } from "@/lib/constants";
import { ThemeToggle } from "@/components/theme-toggle";

const NAV = [
  { href: ROUTES.browse, label: "Browse" },
  { href: ROUTES.match, label: "Paste an error" },
  { href: ROUTES.kernel, label: "My kernel" },
  { href: ROUTES.verifier, label: "Verifier" },
];

export function SiteHeader() {
  return (
    <header className="border-b border-slate-200 bg-white/90 backdrop-blur-sm dark:border-slate-800 dark:bg-slate-950/90">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded-sm focus:bg-sky-700 focus:px-3 focus:py-2 focus:text-white"
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
          <span aria-hidden="true" className="rounded-sm bg-sky-700 px-1.5 py-0.5 font-mono text-xs text-white">
            bpf
          </span>
          {SITE_NAME}
        </Link>
        <nav aria-label="Main" className="order-3 flex w-full gap-1 text-sm sm:order-0 sm:w-auto">
          {NAV.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              // Prefetching every section's code on first load would cost ~25 kB of JavaScript on each page.
              prefetch={false}
              className="rounded-md px-2.5 py-1.5 text-slate-700 hover:bg-slate-100 hover:text-slate-900 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-white"
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto">
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
