/**
 * Kernel facts: BPF helper ids, program types and map types with the first mainline kernel of each.
 * The data is the project's generated copy of ../shared/data (scripts/gen-kernel-facts.ts).
 */
import { HELPERS, MAP_TYPES, PROG_TYPES, type FactRow } from "@/lib/kernel/facts.generated";
import { atLeast, type KernelVersion } from "@/lib/kernel/version";

export interface KernelFact {
  id: number;
  /** Helpers: the name as the kernel's `FN(...)` list spells it (`ktime_get_boot_ns`); types: the enum name. */
  name: string;
  /** First mainline kernel with this id, or null where none is established. */
  sinceKernel: string | null;
}

export type FactKind = "helper" | "prog-type" | "map-type";

const toFact = (row: FactRow): KernelFact => ({ id: row[0], name: row[1], sinceKernel: row[2] });

const tables: Record<FactKind, readonly KernelFact[]> = {
  helper: HELPERS.map(toFact),
  "prog-type": PROG_TYPES.map(toFact),
  "map-type": MAP_TYPES.map(toFact),
};

export function allFacts(kind: FactKind): readonly KernelFact[] {
  return tables[kind];
}

export function factById(kind: FactKind, id: number): KernelFact | null {
  // ids run 0..n-1 (checked by the generator), so the id is the index.
  return tables[kind][id] ?? null;
}

const helperByName = new Map(tables.helper.map((f) => [f.name, f]));
const typeByName = new Map(
  [...tables["prog-type"], ...tables["map-type"]].map((f) => [f.name.toUpperCase(), f] as const),
);

/** Finds a helper by `bpf_ktime_get_boot_ns` or `ktime_get_boot_ns`. */
export function helperByNameLookup(name: string): KernelFact | null {
  const bare = name.trim().replace(/^bpf_/, "");
  return helperByName.get(bare) ?? null;
}

/** Finds a program or map type by its enum name (`BPF_PROG_TYPE_XDP`). */
export function typeByEnumName(name: string): { kind: FactKind; fact: KernelFact } | null {
  const fact = typeByName.get(name.trim().toUpperCase());
  if (!fact) return null;
  return { kind: fact.name.startsWith("BPF_PROG_TYPE_") ? "prog-type" : "map-type", fact };
}

/** `ktime_get_boot_ns` → `bpf_ktime_get_boot_ns`, the name people search for. */
export function helperDisplayName(fact: KernelFact): string {
  return `bpf_${fact.name}`;
}

/** Facts of one kind that `version` (mainline numbering) does not have yet, oldest first. */
export function missingOn(kind: FactKind, version: KernelVersion): KernelFact[] {
  return tables[kind].filter((f) => f.sinceKernel !== null && !atLeast(version, f.sinceKernel));
}
