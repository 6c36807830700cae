import DataLoader from 'dataloader';
import { describe, expect, it } from 'vitest';

// Minimal copies of the real resolvers over fixtures, to test field logic without a database.
const fixtures: Record<string, { id: string; name: string }> = {
  u1: { id: 'u1', name: 'Ada' },
  u2: { id: 'u2', name: 'Grace' },
};
const loadedIds: string[] = [];
const users = new DataLoader<string, { id: string; name: string } | null>(async (ids) => {
  loadedIds.push(...ids);
  return ids.map((id) => fixtures[id] ?? null);
});
const seenArgs = new Map<string, number>();

const resolvers = {
  Query: {
    user: (_parent: unknown, { id }: { id: string }) => {
      seenArgs.set(id, (seenArgs.get(id) ?? 0) + 1);
      return users.load(id);
    },
  },
};

describe('Query.user', () => {
  it('batches and caches loads within the test', async () => {
    const [a, b, again] = await Promise.all([
      resolvers.Query.user(null, { id: 'u1' }),
      resolvers.Query.user(null, { id: 'u2' }),
      resolvers.Query.user(null, { id: 'u1' }),
    ]);
    expect(a?.name).toBe('Ada');
    expect(b?.name).toBe('Grace');
    expect(again).toBe(a);
    expect(loadedIds).toEqual(['u1', 'u2']);
    expect(seenArgs.get('u1')).toBe(2);
  });
});
