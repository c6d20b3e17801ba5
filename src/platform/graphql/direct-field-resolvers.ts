import { GraphQLFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Resolver = GraphQLFieldResolver<unknown, object>;
type Parameter = (root: unknown, context: object, info: Parameters<Resolver>[3]) => unknown;
type Class = new () => object;

/** One of a method's parameters, if it is a @Root() (of class `type`, if one is reflected), @Ctx() or @Info() as a whole. */
function parameterOf(param: { kind: string; propertyName?: string; getType?: () => unknown }): { get: Parameter; rootType?: Class } | null {
  if (param.propertyName) return null;
  if (param.kind === 'context') return { get: (_root, context) => context };
  if (param.kind === 'info') return { get: (_root, _context, info) => info };
  if (param.kind !== 'root') return null;
  const type = param.getType?.();
  if (type !== undefined && typeof type !== 'function') return null;
  return { get: (root) => root, rootType: type as Class | undefined };
}

/** Calls `method` with its parameters; no array is made for the usual one or two (this runs for every row of a page). */
function direct(method: (...args: unknown[]) => unknown, getters: Parameter[]): Parameter {
  const [first, second] = getters;
  if (getters.length === 0) return () => method();
  if (getters.length === 1) return (root, context, info) => method(first(root, context, info));
  if (getters.length === 2) return (root, context, info) => method(first(root, context, info), second(root, context, info));
  return (root, context, info) => method(...getters.map((get) => get(root, context, info)));
}

/**
 * type-graphql calls a @FieldResolver method through its generic handler for every row of a page: it looks the
 * resolver instance up, sorts the method's parameters and builds each by kind, even with no middleware (a tenth of a
 * work-queue request's allocations). A method of a resolver class whose parameters are only @Root(), @Ctx() and
 * @Info(), with no middleware or roles, is called here directly on one instance of its class (type-graphql's default
 * container keeps one too; the hub's resolvers are stateless). A root that is not already an instance of the
 * parameter's class still goes through type-graphql, which converts it.
 */
export function directFieldResolvers(schema: GraphQLSchema): void {
  const storage = getMetadataStorage();
  const instances = new Map<object, object>();
  for (const metadata of storage.fieldResolvers) {
    if (metadata.kind !== 'external' || metadata.middlewares?.length || metadata.roles?.length || !metadata.getObjectType) continue;
    const parameters = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index).map(parameterOf);
    if (parameters.some((parameter) => parameter === null)) continue;
    const objectClass = metadata.getObjectType();
    const rootType = parameters.find((parameter) => parameter!.rootType)?.rootType;
    for (const objectType of storage.objectTypes.filter((candidate) => candidate.target === objectClass)) {
      const type = schema.getType(objectType.name);
      const field = isObjectType(type) ? type.getFields()[metadata.schemaName] : undefined;
      if (!field?.resolve) continue;
      const generic = field.resolve;
      let instance = instances.get(metadata.target);
      if (!instance) instances.set(metadata.target, (instance = new (metadata.target as Class)()));
      const method = (instance as Record<string, (...args: unknown[]) => unknown>)[metadata.methodName];
      const call = direct(
        method.bind(instance),
        parameters.map((parameter) => parameter!.get),
      );
      field.resolve = (root, args, context, info) =>
        rootType && !(root instanceof rootType) ? generic(root, args, context, info) : call(root, context, info);
    }
  }
}
