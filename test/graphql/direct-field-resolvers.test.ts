import 'reflect-metadata';
import { graphql, GraphQLSchema } from 'graphql';
import { Arg, buildSchema, Ctx, Field, FieldResolver, Info, ObjectType, Query, Resolver, Root, UseMiddleware } from 'type-graphql';
import { directFieldResolvers } from '../../src/platform/graphql/direct-field-resolvers';

@ObjectType()
class Parcel {
  @Field()
  label!: string;
}

const seen: { method: string; rootIsParcel: boolean; context?: unknown; info?: string }[] = [];

@Resolver(() => Parcel)
class ParcelResolver {
  @Query(() => [Parcel])
  parcels(): Parcel[] {
    // One instance, one plain object: type-graphql converts the plain one into a Parcel for the field resolvers.
    return [Object.assign(new Parcel(), { label: 'boxed' }), { label: 'plain' } as Parcel];
  }

  @FieldResolver(() => String)
  shout(@Root() parcel: Parcel, @Ctx() context: { suffix: string }): string {
    seen.push({ method: 'shout', rootIsParcel: parcel instanceof Parcel, context });
    return `${parcel.label.toUpperCase()}${context.suffix}`;
  }

  @FieldResolver(() => String)
  where(@Info() info: { fieldName: string }, @Root() parcel: Parcel): string {
    seen.push({ method: 'where', rootIsParcel: parcel instanceof Parcel, info: info.fieldName });
    return `${parcel.label} at ${info.fieldName}`;
  }

  @FieldResolver(() => String)
  repeat(@Root() parcel: Parcel, @Arg('times', () => Number) times: number): string {
    return parcel.label.repeat(times);
  }

  @FieldResolver(() => String)
  @UseMiddleware(async (_data, next) => `[${String(await next())}]`)
  wrapped(@Root() parcel: Parcel): string {
    return parcel.label;
  }
}

let schema: GraphQLSchema;
let before: Record<string, unknown>;

beforeAll(async () => {
  schema = await buildSchema({ resolvers: [ParcelResolver], validate: false });
  const fields = () => (schema.getType('Parcel') as import('graphql').GraphQLObjectType).getFields();
  before = Object.fromEntries(Object.entries(fields()).map(([name, field]) => [name, field.resolve]));
  directFieldResolvers(schema);
});

const run = (source: string) => graphql({ schema, source, contextValue: { suffix: '!' } });

describe('field resolvers called directly (a page calls them for every row)', () => {
  it('replaces the generic handler of a method with only @Root, @Ctx and @Info, and keeps it where args or middleware are involved', () => {
    const fields = (schema.getType('Parcel') as import('graphql').GraphQLObjectType).getFields();
    expect(fields.shout.resolve).not.toBe(before.shout);
    expect(fields.where.resolve).not.toBe(before.where);
    expect(fields.repeat.resolve).toBe(before.repeat);
    expect(fields.wrapped.resolve).toBe(before.wrapped);
  });

  it('answers as type-graphql does: parameters in their order, the context and info, arguments and middleware', async () => {
    seen.length = 0;
    const result = await run('{ parcels { label shout where repeat(times: 2) wrapped } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      parcels: [
        { label: 'boxed', shout: 'BOXED!', where: 'boxed at where', repeat: 'boxedboxed', wrapped: '[boxed]' },
        { label: 'plain', shout: 'PLAIN!', where: 'plain at where', repeat: 'plainplain', wrapped: '[plain]' },
      ],
    });
    expect(seen).toContainEqual({ method: 'shout', rootIsParcel: true, context: { suffix: '!' } });
    expect(seen).toContainEqual({ method: 'where', rootIsParcel: true, info: 'where' });
  });

  it('gives a root that is not yet an instance of its class to type-graphql, which converts it', async () => {
    seen.length = 0;
    await run('{ parcels { shout } }');
    expect(seen.map((call) => call.rootIsParcel)).toEqual([true, true]);
  });
});
