import DataLoader from 'dataloader';
import { bench, describe } from 'vitest';

// Cost of a resolver that goes through a shared loader versus one created per request.
const shared = new DataLoader<number, number>(async (keys) => keys.map((k) => k * 2));
const hits = new Map<number, number>();

const resolvers = {
  Query: {
    item: (_parent: unknown, { id }: { id: number }) => {
      hits.set(id, (hits.get(id) ?? 0) + 1);
      return shared.load(id);
    },
  },
};

let next = 0;

describe('loader reuse', () => {
  bench('shared loader, fresh keys', async () => {
    await resolvers.Query.item(null, { id: next++ });
  });

  bench('per-request loader', async () => {
    const perRequest = new DataLoader<number, number>(async (keys) => keys.map((k) => k * 2));
    await perRequest.load(next++);
  });
});
