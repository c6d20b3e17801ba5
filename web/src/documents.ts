import type { DocumentNode, Kind, SelectionSetNode } from 'graphql';
import { gql } from 'urql';
import type { graphql as generated } from './gql/gql';

/**
 * The console's GraphQL documents: typed by codegen (web/src/gql, checked against the hub's schema by
 * `npm run console:check`), built here at run time from the source each page already holds. Codegen's own `graphql()`
 * looks every document up in one map of all of them, which would put every page's documents in the first script a
 * visitor downloads; this way a document travels in its page's chunk and the generated files are types only.
 */

const FRAGMENT_SPREAD = 'FragmentSpread' as Kind.FRAGMENT_SPREAD;
const FRAGMENT_DEFINITION = 'FragmentDefinition' as Kind.FRAGMENT_DEFINITION;

/** The source defining each fragment, by name. A module that spreads a fragment imports the one defining it, so it is here first. */
const fragmentSources = new Map<string, string>();

/** The sources of the fragments `document` spreads, directly or through other fragments, added to `found`. */
function spreadSources(document: DocumentNode, found: Set<string>): Set<string> {
  const visit = (selectionSet: SelectionSetNode | undefined): void => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind !== FRAGMENT_SPREAD) {
        visit(selection.selectionSet);
        continue;
      }
      const source = fragmentSources.get(selection.name.value);
      if (source === undefined) throw new Error(`GraphQL fragment ${selection.name.value} is spread before it is defined`);
      if (found.has(source)) continue;
      found.add(source);
      spreadSources(gql(source), found);
    }
  };
  for (const definition of document.definitions) if ('selectionSet' in definition) visit(definition.selectionSet);
  return found;
}

/** The document of `source` with the fragments it spreads (the server needs their definitions in the same document). */
function document(source: string): DocumentNode {
  const own = gql(source);
  for (const definition of own.definitions) if (definition.kind === FRAGMENT_DEFINITION) fragmentSources.set(definition.name.value, source);
  const fragments = spreadSources(own, new Set([source]));
  fragments.delete(source);
  return fragments.size === 0 ? own : gql([source, ...fragments].join('\n'));
}

/** Codegen's overloads give each literal source its typed document; `document` builds that same document. */
export const graphql = document as unknown as typeof generated;
