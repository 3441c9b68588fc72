/** Which kernel page a range or a version links to. */
import { LTS_KERNELS, ROUTES } from "@/lib/constants";
import { parseRange, rangeContains } from "@/lib/kernel/range";
import { parseStrictVersion } from "@/lib/kernel/version";

/** `/kernel/5.4` for a long-term series, else `/kernel?v=…`. */
export function kernelPageHref(version: string): string {
  const series = /^(\d+\.\d+)(?:\.0)?$/.exec(version.trim());
  if (series?.[1] && (LTS_KERNELS as readonly string[]).includes(series[1])) return `${ROUTES.kernel}/${series[1]}`;
  return ROUTES.kernelVersion(version);
}

/**
 * The kernel page that best illustrates a range: the newest long-term kernel inside it, else the
 * first version the range names that lies inside it. Null for "any kernel".
 */
export function kernelPageForRange(affected: string | null): { href: string; version: string } | null {
  if (!affected) return null;
  let range;
  try {
    range = parseRange(affected);
  } catch {
    return null;
  }
  const lts = [...LTS_KERNELS].reverse().find((v) => {
    const parsed = parseStrictVersion(v);
    return parsed !== null && rangeContains(range, parsed);
  });
  if (lts) return { href: kernelPageHref(lts), version: lts };
  for (const clause of range.anyOf) {
    for (const c of clause) {
      if (rangeContains(range, c.version)) {
        const v = `${c.version.major}.${c.version.minor}.${c.version.patch}`;
        return { href: kernelPageHref(v), version: v };
      }
    }
  }
  return null;
}
