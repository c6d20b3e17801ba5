import { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import {
  ASTNode,
  DocumentNode,
  FragmentDefinitionNode,
  getIntrospectionQuery,
  GraphQLError,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  parse,
  SelectionSetNode,
  ValidationRule,
  visit,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { PAGE_SIZE_ARGUMENTS } from './page-cost';

/** The fields that start an introspection subtree (only on the query root). */
const INTROSPECTION_ROOTS = new Set(['__schema', '__type']);

/**
 * Deepest nesting of an operation's ordinary fields and, separately, of its introspection subtrees
 * (`__schema`, `__type`), fragments expanded. Introspection only reaches the schema's own types, never data,
 * so it gets its own bound and the ordinary one stays as tight for every data field.
 */
export function operationDepths(
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
): { fields: number; introspection: number } {
  const depthOf = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): number => {
    if (!selectionSet) return 0;
    let deepest = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, seen));
      else if (selection.kind === Kind.INLINE_FRAGMENT) deepest = Math.max(deepest, depthOf(selection.selectionSet, seen));
      else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
        deepest = Math.max(deepest, depthOf(fragments[selection.name.value].selectionSet, new Set([...seen, selection.name.value])));
      }
    }
    return deepest;
  };
  const depths = { fields: 0, introspection: 0 };
  const visitRoot = (selectionSet: SelectionSetNode, seen: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const kind = INTROSPECTION_ROOTS.has(selection.name.value) ? 'introspection' : 'fields';
        depths[kind] = Math.max(depths[kind], 1 + depthOf(selection.selectionSet, seen));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visitRoot(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
        visitRoot(fragments[selection.name.value].selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  visitRoot(operation.selectionSet, new Set());
  return depths;
}

/** How deep the standard introspection query (every option on) goes, so schema tools keep working. */
export const STANDARD_INTROSPECTION_DEPTH = (() => {
  const document = parse(
    getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
      oneOf: true,
    }),
  );
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  return operationDepths(operation, fragments).introspection;
})();

/**
 * Refuses an operation with more than `maxAliases` aliased fields (`__typename` excepted), reported as a
 * validation error rather than thrown, so GraphQL answers it like any other invalid document.
 */
export function aliasLimitRule(maxAliases: number): ValidationRule {
  return maxAliasesRule({ n: maxAliases, propagateOnRejection: false, onReject: [(context, error) => context?.reportError(error)] });
}

function rejected(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
}

/**
 * The variables an operation's cost depends on: those given to a page size (pageCost's arguments) and to a directive
 * (`@include(if: $x)` decides whether a subtree counts). Everything else the estimators never read.
 */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  const collect = (node: ASTNode) =>
    visit(node, {
      Variable: (variable) => {
        names.add(variable.name.value);
      },
    });
  visit(document, {
    Field: (field) => field.arguments?.filter((argument) => PAGE_SIZE_ARGUMENTS.includes(argument.name.value)).forEach(collect),
    Directive: (directive) => directive.arguments?.forEach(collect),
    VariableDefinition: () => false,
  });
  return [...names].sort();
}

/** Distinct page sizes an operation's costs are kept for; past this, further ones are costed each time. */
const COSTS_KEPT = 64;

/**
 * Refuses operations deeper than `maxDepth` (introspection: as deep as the standard introspection query) or
 * costlier than `maxComplexity` before they run. Every list field declares its cost (page-cost.ts); other
 * fields cost 1.
 */
export function operationLimitsPlugin(schema: GraphQLSchema, limits: { maxDepth: number; maxComplexity: number }): ApolloServerPlugin {
  // Apollo keeps one parsed document per query text, so an operation's depths are measured once, and its cost once
  // per value of the variables the cost depends on (a page size): costing coerces every variable, a filing's input too.
  const measured = new WeakMap<
    OperationDefinitionNode,
    { depths: ReturnType<typeof operationDepths>; costVariables: string[]; costs: Map<string, number> }
  >();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          let known = measured.get(operation);
          if (!known) {
            const fragments = Object.fromEntries(
              document.definitions
                .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
                .map((d) => [d.name.value, d]),
            );
            known = { depths: operationDepths(operation, fragments), costVariables: costVariables(document), costs: new Map() };
            measured.set(operation, known);
          }
          const { depths } = known;
          if (depths.fields > limits.maxDepth)
            throw rejected(`The operation is ${depths.fields} levels deep; at most ${limits.maxDepth} are allowed`);
          const introspectionDepth = Math.max(limits.maxDepth, STANDARD_INTROSPECTION_DEPTH);
          if (depths.introspection > introspectionDepth) {
            throw rejected(`The introspection is ${depths.introspection} levels deep; at most ${introspectionDepth} are allowed`);
          }
          const variables = request.variables ?? {};
          const key = JSON.stringify(known.costVariables.map((name) => (name in variables ? variables[name] : { absent: true })));
          let complexity = known.costs.get(key);
          if (complexity === undefined) {
            try {
              complexity = getComplexity({
                schema,
                query: document,
                operationName: request.operationName,
                variables,
                estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
              });
            } catch (error) {
              // Costing coerces the variables: malformed ones are the client's error, reported as such.
              throw rejected(error instanceof Error ? error.message : String(error));
            }
            if (known.costs.size < COSTS_KEPT) known.costs.set(key, complexity);
          }
          if (complexity > limits.maxComplexity)
            throw rejected(`The operation costs ${complexity}; at most ${limits.maxComplexity} is allowed`);
        },
      };
    },
  };
}
