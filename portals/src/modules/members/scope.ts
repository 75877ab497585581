/** Where a caller may choose a branch: the organisations they hold a role at, with their subtrees. */

interface Held {
  id: string;
  name: string;
  level: string;
}

/** The organisations the caller holds one of `roles` at, and those below, each once. */
export function organizationsHeld<O extends Held>(viewer: { memberships: { role: string; organization: (O & { descendants: { nodes: O[] } }) | null }[] }, roles: readonly string[]): O[] {
  const seen = new Set<string>();
  return viewer.memberships
    .filter((m) => roles.includes(m.role) && m.organization)
    .flatMap((m) => [m.organization!, ...m.organization!.descendants.nodes])
    .filter((o) => !seen.has(o.id) && seen.add(o.id));
}
