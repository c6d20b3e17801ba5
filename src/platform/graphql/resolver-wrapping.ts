import { defaultFieldResolver, GraphQLFieldResolver, GraphQLObjectType, GraphQLSchema, isObjectType } from 'graphql';
import { MiddlewareFn, ResolverData } from 'type-graphql';

type Resolver = GraphQLFieldResolver<unknown, object>;

/** The root types whose fields are the operations. */
function rootTypes(schema: GraphQLSchema): GraphQLObjectType[] {
  return [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].filter((type) => !!type);
}

/** `middlewares` around `resolve`, outermost first, each calling `next()` for the rest (type-graphql's contract). */
function chained<C extends object>(middlewares: readonly MiddlewareFn<C>[], resolve: Resolver): Resolver {
  return (root, args, context, info) => {
    const data: ResolverData<C> = { root, args, context: context as C, info };
    const from = async (index: number): Promise<unknown> =>
      index === middlewares.length ? resolve(root, args, context, info) : middlewares[index](data, () => from(index + 1));
    return from(0);
  };
}

/**
 * Runs `middlewares` around every operation (each field of Query, Mutation, Subscription), and only there: every
 * operation gets them by construction, and the fields of the objects they answer stay plain functions (type-graphql's
 * own @UseMiddleware on a resolver class would turn each of those into a chain of promises, for every row of a page).
 */
export function aroundOperations<C extends object>(schema: GraphQLSchema, middlewares: readonly MiddlewareFn<C>[]): void {
  for (const root of rootTypes(schema)) {
    for (const field of Object.values(root.getFields())) field.resolve = chained(middlewares, field.resolve ?? defaultFieldResolver);
  }
}

/**
 * Hands every error thrown by a field of a non-root object type (an item's guarded field, such as a referral's full
 * TINs) to `onError`, which rethrows it (or another). A field that resolves without error pays one try and, when it
 * answers a promise, one `catch`.
 */
export function onFieldErrors<C extends object>(
  schema: GraphQLSchema,
  onError: (error: unknown, data: ResolverData<C>) => Promise<never>,
): void {
  const roots = new Set<GraphQLObjectType>(rootTypes(schema));
  const fail = (error: unknown, ...[root, args, context, info]: Parameters<Resolver>) =>
    onError(error, { root, args, context: context as C, info });
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || roots.has(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve;
      if (!resolve) continue;
      // A handler is made only for a promise: this runs for every field of every row of a page.
      field.resolve = (root, args, context, info) => {
        let value: unknown;
        try {
          value = resolve(root, args, context, info);
        } catch (error) {
          return fail(error, root, args, context, info);
        }
        return value instanceof Promise ? value.catch((error: unknown) => fail(error, root, args, context, info)) : value;
      };
    }
  }
}
