import { DataSource, EntityManager } from 'typeorm';

/**
 * Where the sealed bytes of documents live: the one seam an object store would implement. It only ever sees
 * sealed chunks (encryption happens above it) and takes and gives them one at a time, so no implementation
 * needs a whole file in memory.
 */
export interface DocumentStore {
  /** Stores the chunks in order; with PostgreSQL inside the caller's transaction, so a refused upload leaves nothing. */
  write(manager: EntityManager, documentId: string, chunks: AsyncIterable<Buffer>): Promise<number>;
  /** The chunks in order, each read when the reader asks for it. */
  read(documentId: string): AsyncIterable<Buffer>;
}

/** Documents in PostgreSQL: one `document_chunk` row (bytea) per chunk, read back one statement per chunk. */
export class PostgresDocumentStore implements DocumentStore {
  constructor(private readonly dataSource: DataSource) {}

  async write(manager: EntityManager, documentId: string, chunks: AsyncIterable<Buffer>): Promise<number> {
    let seq = 0;
    for await (const data of chunks) {
      await manager.query('INSERT INTO document_chunk (document_id, seq, data) VALUES ($1, $2, $3)', [documentId, seq, data]);
      seq++;
    }
    return seq;
  }

  async *read(documentId: string): AsyncIterable<Buffer> {
    // One pooled connection per chunk, never held while the client reads: a slow reader cannot starve the pool.
    for (let seq = 0; ; seq++) {
      const rows: { data: Buffer }[] = await this.dataSource.query('SELECT data FROM document_chunk WHERE document_id = $1 AND seq = $2', [
        documentId,
        seq,
      ]);
      if (!rows.length) return;
      yield rows[0].data;
    }
  }
}
