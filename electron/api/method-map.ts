// Merges the per-module method maps (schemas, handlers) into one. Object spread would let a
// second module silently replace a method of the first; this throws at start-up instead, naming
// the method and the two modules.

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/**
 * `mergeMethodMaps('API inputs', { checklists: checklistInputs, rights: rightsInputs, … })` →
 * one object with every part's entries. Throws when two parts register the same name.
 */
export function mergeMethodMaps<const P extends Record<string, Record<string, unknown>>>(
  what: string,
  parts: P,
): UnionToIntersection<P[keyof P]> {
  const merged: Record<string, unknown> = {};
  const owner = new Map<string, string>();
  for (const [part, entries] of Object.entries(parts)) {
    for (const [name, value] of Object.entries(entries)) {
      const first = owner.get(name);
      if (first !== undefined) {
        throw new Error(`${what}: method "${name}" is registered twice (by "${first}" and by "${part}"). Each method name must be unique.`);
      }
      owner.set(name, part);
      merged[name] = value;
    }
  }
  return merged as UnionToIntersection<P[keyof P]>;
}
