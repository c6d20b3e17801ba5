import { ApolloServerPlugin, GraphQLResponse } from '@apollo/server';
import { DocumentNode, GraphQLError, Kind, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { RequestContext } from '../graphql/request-context';
import { redactTaxpayerNumbers } from './log-safety';
import { currentRequest } from './request-observation';

/** Root fields an operation selects, through fragments. */
function rootFields(operation: OperationDefinitionNode, document: DocumentNode): Set<string> {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const fields = new Set<string>();
  const visit = (selectionSet: SelectionSetNode, seen: Set<string>): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value) && fragments.has(selection.name.value)) {
        visit(fragments.get(selection.name.value)!.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return fields;
}

function errorCodes(body: GraphQLResponse['body']): string[] {
  const errors = body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors;
  return (errors ?? []).map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
}

/**
 * Fills the request's observation from inside Apollo: the caller, the operation (its name for the
 * log; its one root field, bounded by the schema, for metrics) and the codes of the errors returned.
 */
export function graphqlObserverPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async contextCreationDidFail({ error }) {
      const observation = currentRequest();
      if (!observation) return;
      observation.operation = '(unauthenticated)';
      observation.errorCodes.push(error instanceof GraphQLError ? String(error.extensions.code) : 'INTERNAL_SERVER_ERROR');
    },
    async requestDidStart({ contextValue }) {
      const observation = currentRequest();
      if (!observation) return;
      observation.callerId = contextValue.caller.id;
      observation.operation = '(invalid)';
      return {
        async willSendResponse({ operation, document, response }) {
          if (operation && document) {
            const fields = rootFields(operation, document);
            observation.operation = fields.size === 1 ? [...fields][0] : '(multiple)';
            // A client-chosen name: it may not smuggle a TIN into the log.
            if (operation.name) observation.operationName = redactTaxpayerNumbers(operation.name.value);
          }
          observation.errorCodes.push(...errorCodes(response.body));
        },
      };
    },
  };
}
