/**
 * Link relations as people type and read them. The built-in ones are stored in kebab-case
 * ("see-also"); any other short label is a relation of the user's own, kept as typed.
 */
import {
  DERIVED_RELATIONS,
  LINK_RELATIONS,
  LinkRelationSchema,
} from '../../../electron/model/links';

export type BuiltInRelation = (typeof LINK_RELATIONS)[number];
export const BUILT_IN_RELATIONS: readonly BuiltInRelation[] = LINK_RELATIONS;

/** How a stored relation reads: "see-also" → "see also"; others unchanged. */
export function relationLabel(relation: string): string {
  return (BUILT_IN_RELATIONS as readonly string[]).includes(relation)
    ? relation.replace(/-/g, ' ')
    : relation;
}

/** What is stored for typed text: spaces collapsed, and a built-in relation recognised in any case or spelling ("See also"). */
export function normalizeRelation(typed: string): string {
  const flat = typed.replace(/\s+/g, ' ').trim();
  const key = flat.toLowerCase().replace(/[\s_-]+/g, '-');
  const builtIn = BUILT_IN_RELATIONS.find((r) => r === key);
  if (builtIn) return builtIn;
  const derived = DERIVED_RELATIONS.find((r) => r === key);
  return derived ?? flat;
}

/** Why typed text can't be a relation (the contract's own words), or null when it can. */
export function relationProblem(typed: string): string | null {
  const parsed = LinkRelationSchema.safeParse(normalizeRelation(typed));
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'relation is not valid');
}
