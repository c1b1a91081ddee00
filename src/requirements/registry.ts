import type { Requirement, RequirementKindName, RequirementOfKind } from '../model/requirement.js';
import { allKind } from './all/all.js';
import { anyKind } from './any/any.js';
import { credentialKind } from './credential/credential.js';
import type { LeafSpec, RequirementKind } from './kind.js';
import { programKind } from './program/program.js';
import { whereKind } from './where/where.js';

/** Every requirement kind, by name: a kind missing from the union or a part missing from a kind fails to compile. */
export const REQUIREMENT_KINDS = {
  all: allKind,
  any: anyKind,
  credential: credentialKind,
  where: whereKind,
  program: programKind,
} as const satisfies { readonly [K in RequirementKindName]: RequirementKind<RequirementOfKind<K>> };

/** The kind of a requirement node (parsed nodes carry exactly one kind's tell). */
export function kindOf(node: Requirement): RequirementKindName {
  for (const name of KIND_NAMES) if (Object.hasOwn(node, REQUIREMENT_KINDS[name].tell)) return name;
  throw new Error('a requirement node of no kind: parse requirements before use');
}

/** The kind module of a node. */
export function kindModule(node: Requirement): RequirementKind<Requirement> {
  return REQUIREMENT_KINDS[kindOf(node)] as RequirementKind<Requirement>;
}

/** The kinds' names, in a fixed order. */
export const KIND_NAMES = Object.keys(REQUIREMENT_KINDS) as RequirementKindName[];

/** A node's children (empty for a leaf). */
export const childrenOf = (node: Requirement): readonly Requirement[] => kindModule(node).children(node);

/** What a leaf takes, or undefined for a group. */
export const leafOf = (node: Requirement): LeafSpec | undefined => kindModule(node).leaf(node);
