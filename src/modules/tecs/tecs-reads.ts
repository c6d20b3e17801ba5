import DataLoader from 'dataloader';
import { EntityManager, In } from 'typeorm';
import { rowsById } from '../../platform/database/rows-by-id';
import { CollectionCase } from './collection-case.entity';
import { Crossing } from './crossing.entity';
import { Lookout } from './lookout.entity';

/**
 * The rows TECS reads to answer "may this caller see it?" and the rows a TECS field names. The services read them
 * one statement each (LookoutService.readsThrough); the field resolvers through per-request DataLoaders, so a page
 * of lookouts, crossings or OIs costs the same number of statements however many rows it has.
 */
export interface TecsReads {
  lookout(id: string): Promise<Lookout | null>;
  /** Everyone an OI of the lookout was ever issued to. */
  issuedToIds(lookoutId: string): Promise<string[]>;
  crossing(id: string): Promise<Crossing | null>;
  collectionCase(id: string): Promise<CollectionCase | null>;
}

/** Per-request batching of TECS reads (the loaders of the TECS context). */
export function createTecsLoaders(manager: EntityManager) {
  const lookout = new DataLoader<string, Lookout | null>(async (ids) => rowsById(await manager.findBy(Lookout, { id: In([...ids]) }), ids));
  const issuedTo = new DataLoader<string, string[]>(async (lookoutIds) => {
    const rows: { lookout_id: string; ids: string[] }[] = await manager.query(
      `SELECT oi.lookout_id, array_agg(DISTINCT issued.id)::text[] AS ids
         FROM other_investigation oi, unnest(oi.issued_to_ids) AS issued(id)
        WHERE oi.lookout_id = ANY($1) GROUP BY oi.lookout_id`,
      [[...lookoutIds]],
    );
    const byLookout = new Map(rows.map((row) => [row.lookout_id, row.ids]));
    return lookoutIds.map((id) => byLookout.get(id) ?? []);
  });
  const crossing = new DataLoader<string, Crossing | null>(async (ids) =>
    rowsById(await manager.findBy(Crossing, { id: In([...ids]) }), ids),
  );
  const collectionCase = new DataLoader<string, CollectionCase | null>(async (ids) =>
    rowsById(await manager.findBy(CollectionCase, { id: In([...ids]) }), ids),
  );
  const tecsReads: TecsReads = {
    lookout: (id) => lookout.load(id),
    issuedToIds: (lookoutId) => issuedTo.load(lookoutId),
    crossing: (id) => crossing.load(id),
    collectionCase: (id) => collectionCase.load(id),
  };
  return { tecsReads };
}

export type TecsLoaders = ReturnType<typeof createTecsLoaders>;
