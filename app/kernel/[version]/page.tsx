import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";

import { LTS_KERNELS, ROUTES } from "@/lib/constants";
import { getAllIssues } from "@/lib/content";
import { kernelReport } from "@/lib/kernel/report";
import { toSummary } from "@/lib/records/projections";
import { kernelHref } from "@/lib/search-params";
import { pageMetadata } from "@/app/page-metadata";
import { KernelReportView } from "@/components/kernel/kernel-report-view";
import { LtsLinks } from "@/components/kernel/lts-links";

export const dynamicParams = false;

export function generateStaticParams() {
  return LTS_KERNELS.map((version) => ({ version }));
}

type Props = { params: Promise<{ version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { version } = await params;
  return pageMetadata({ path: ROUTES.kernelSeries(version), title: `Linux ${version}: what breaks`, description: `Known eBPF incidents and missing BPF features on Linux ${version}.` });
}

export default async function LtsKernelPage({ params }: Props) {
  const { version } = await params;
  if (!(LTS_KERNELS as readonly string[]).includes(version)) notFound();
  const report = kernelReport(version, getAllIssues().map(toSummary));
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header>
        <nav aria-label="Breadcrumb" className="mb-3 text-sm">
          <Link href={ROUTES.kernel} className="text-sky-700 hover:underline dark:text-sky-300">
            ← Check another kernel
          </Link>
        </nav>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">Linux {version} (long-term)</h1>
        <p className="mt-2 text-slate-700 dark:text-slate-300">
          What mainline Linux {version}.0 lacks and the incidents that affect the {version} series. A later {version}.y
          release or a distribution kernel may have more: check yours on the{" "}
          <Link href={kernelHref(`${version}.0`)} className="text-sky-700 underline dark:text-sky-300">
            kernel page
          </Link>
          .
        </p>
      </header>
      <LtsLinks current={version} />
      <KernelReportView report={report} />
    </div>
  );
}
