/** Which kernel page a range or a version links to. */
import { LTS_KERNELS, ROUTES } from "@/lib/constants";
import type { KernelRange } from "@/lib/kernel/range";
import { parseStrictVersion } from "@/lib/kernel/version";
import { kernelHref } from "@/lib/search-params";

/** `/kernel/5.4` for a long-term series, else `/kernel?v=…`. */
export function kernelPageHref(version: string): string {
  const series = /^(\d+\.\d+)(?:\.0)?$/.exec(version.trim());
  if (series?.[1] && (LTS_KERNELS as readonly string[]).includes(series[1])) return ROUTES.kernelSeries(series[1]);
  return kernelHref(version);
}

/**
 * The kernel page that best illustrates a range: the newest long-term kernel inside it, else the
 * first version the range names that lies inside it. Null for "any kernel".
 */
export function kernelPageForRange(range: KernelRange | null): { href: string; version: string } | null {
  if (!range) return null;
  const lts = [...LTS_KERNELS].reverse().find((v) => {
    const parsed = parseStrictVersion(v);
    return parsed !== null && range.affects(parsed);
  });
  if (lts) return { href: kernelPageHref(lts), version: lts };
  const named = range.namedVersions().find((v) => range.affects(v));
  if (!named) return null;
  const v = `${named.major}.${named.minor}.${named.patch}`;
  return { href: kernelPageHref(v), version: v };
}
