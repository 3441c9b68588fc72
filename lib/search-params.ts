/**
 * The browse page's URL state, in one place: parameter names, allowed values, parsing and the
 * serializer used for every link. Several values of a facet are comma-separated
 * (`?component=cilium,retina`); OR within a facet, AND across facets.
 */
import { STATUSES, SUBSYSTEMS } from "@/lib/records";

export const FACET_NAMES = ["component", "kernel", "error", "subsystem", "status"] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export type BrowseState = { q: string } & Record<FacetName, string[]>;

export const MAX_QUERY_LENGTH = 200;
const MAX_VALUES = 20;
const MAX_VALUE_LENGTH = 100;

export const EMPTY_STATE: BrowseState = { q: "", component: [], kernel: [], error: [], subsystem: [], status: [] };

const kebab = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Which values each facet accepts; anything else in a URL is ignored rather than breaking the page. */
const allowed: Record<FacetName, (v: string) => boolean> = {
  component: (v) => kebab.test(v),
  error: (v) => kebab.test(v),
  subsystem: (v) => (SUBSYSTEMS as readonly string[]).includes(v),
  status: (v) => (STATUSES as readonly string[]).includes(v),
  // A version as `uname -r` prints it, a range as write-ups state it (`<5.8`, `5.4.x`), or `any`.
  kernel: (v) => /^[\w.<>=|~+ -]+$/.test(v),
};

type ParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

function getParam(src: ParamSource, name: string): string {
  if (src instanceof URLSearchParams) return src.getAll(name).join(",");
  const v = src[name];
  return Array.isArray(v) ? v.join(",") : (v ?? "");
}

export function parseBrowseParams(src: ParamSource): BrowseState {
  const state: BrowseState = { ...EMPTY_STATE, q: getParam(src, "q").trim().slice(0, MAX_QUERY_LENGTH) };
  for (const facet of FACET_NAMES) {
    const values = getParam(src, facet)
      .split(",")
      .map((v) => v.trim())
      .filter((v) => v.length > 0 && v.length <= MAX_VALUE_LENGTH && allowed[facet](v));
    state[facet] = [...new Set(values)].slice(0, MAX_VALUES);
  }
  return state;
}

/** `?q=…&component=a,b` (or "" for the empty state). Parameters always come in the same order. */
export function serializeBrowseState(state: BrowseState): string {
  const parts: string[] = [];
  if (state.q.trim()) parts.push(`q=${encodeURIComponent(state.q.trim())}`);
  for (const facet of FACET_NAMES) {
    if (state[facet].length) parts.push(`${facet}=${state[facet].map(encodeURIComponent).join(",")}`);
  }
  return parts.length ? `?${parts.join("&")}` : "";
}

export function browseHref(state: BrowseState): string {
  return `/${serializeBrowseState(state)}`;
}

export function toggleValue(state: BrowseState, facet: FacetName, value: string): BrowseState {
  const current = state[facet];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, [facet]: next };
}

export function setQuery(state: BrowseState, q: string): BrowseState {
  return { ...state, q: q.slice(0, MAX_QUERY_LENGTH) };
}

export function hasFilters(state: BrowseState): boolean {
  return Boolean(state.q) || FACET_NAMES.some((f) => state[f].length > 0);
}

export function clearFilters(): BrowseState {
  return { ...EMPTY_STATE, component: [], kernel: [], error: [], subsystem: [], status: [] };
}
