import { NoticedCache } from '../../src/platform/live/noticed-cache';

/** A cache listening to its notices, with a loader that counts its reads. */
function listeningCache<V>(rows: Record<string, V>) {
  const cache = new NoticedCache<V | null>(2);
  cache.listening(true);
  const reads: string[][] = [];
  const load = async (keys: string[]) => {
    reads.push(keys);
    return keys.map((key) => (key in rows ? rows[key] : null));
  };
  return { cache, reads, load };
}

it('reads the missing keys together, then answers from memory, a row that is not there (null) included', async () => {
  const { cache, reads, load } = listeningCache({ a: 1, b: 2 });
  expect(await cache.getMany(['a', 'none', 'a'], load)).toEqual([1, null, 1]);
  expect(await cache.getMany(['none', 'b', 'a'], load)).toEqual([null, 2, 1]);
  expect(reads).toEqual([['a', 'none'], ['b']]);
});

it('drops what a notice names, and everything for a notice of many', async () => {
  const { cache, reads, load } = listeningCache({ a: 1 });
  await cache.get('a', async () => (await load(['a']))[0]);
  cache.changed(['a']);
  await cache.get('a', async () => (await load(['a']))[0]);
  cache.changed(null);
  await cache.get('a', async () => (await load(['a']))[0]);
  expect(reads).toHaveLength(3);
});

it('keeps nothing loaded across a notice (the load may have read the old row) nor while not listening', async () => {
  const { cache, reads, load } = listeningCache({ a: 1 });
  await cache.get('a', async () => {
    const [value] = await load(['a']);
    cache.changed(['a']);
    return value;
  });
  await cache.get('a', async () => (await load(['a']))[0]);
  cache.listening(false);
  await cache.get('a', async () => (await load(['a']))[0]);
  await cache.get('a', async () => (await load(['a']))[0]);
  expect(reads).toHaveLength(4);
});

it('keeps at most its number of entries, the oldest going first', async () => {
  const { cache, reads, load } = listeningCache({ a: 1, b: 2, c: 3 });
  await cache.getMany(['a', 'b', 'c'], load);
  await cache.getMany(['b', 'c'], load);
  await cache.getMany(['a'], load);
  expect(reads).toEqual([['a', 'b', 'c'], ['a']]);
});

it('peeks at a trusted value without loading: nothing before it is read, nothing while not listening', async () => {
  const { cache, reads, load } = listeningCache({ a: 1 });
  expect(cache.peek('a')).toBeUndefined();
  await cache.getMany(['a', 'none'], load);
  expect(cache.peek('a')?.value).toBe(1);
  expect(cache.peek('none')).toMatchObject({ value: null });
  cache.changed(['a']);
  expect(cache.peek('a')).toBeUndefined();
  await cache.getMany(['a'], load);
  cache.listening(false);
  expect(cache.peek('a')).toBeUndefined();
  expect(reads).toEqual([['a', 'none'], ['a']]);
});
