import type { Metadata } from "next";

import { REPO_BRANCH, REPO_URL, ROUTES } from "@/lib/constants";
import { pageMetadata } from "@/app/page-metadata";
import { MatchClient } from "@/components/match/match-client";

export const metadata: Metadata = pageMetadata({
  path: ROUTES.match,
  title: "Paste an error",
  description: "Paste an eBPF error, verifier log or pod log: the likely cause, the lines that prove it, and what the kernel's messages mean.",
});

export default function MatchPage() {
  return (
    <div className="space-y-4">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Paste an error</h1>
        <p className="mt-2 max-w-3xl text-slate-700 dark:text-slate-300">
          Paste what your pod printed: one line or a whole verifier log. The matcher names the known incident that explains
          it, shows the evidence, and decodes what the kernel said.
        </p>
      </header>
      <noscript>
        <p className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          The matcher runs in your browser and needs JavaScript. Without it, search the knowledge base from the browse page.
        </p>
      </noscript>
      <MatchClient repo={{ url: REPO_URL, branch: REPO_BRANCH }} />
    </div>
  );
}
