import memoizee from 'memoizee';
import { catalogDb } from '../db/catalog.js';

// Filters arrive as plain objects; key them by their canonical JSON so equal filters share an entry.
const canonical = (value) =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v,
  );

const facetCounts = memoizee(
  async (filter) => {
    const rows = await catalogDb.facets(filter);
    return Object.fromEntries(rows.map((r) => [r.facet, r.count]));
  },
  { promise: true, max: 500, maxAge: 60_000, normalizer: ([filter]) => canonical(filter) },
);

export const productResolvers = {
  Query: {
    products: async (_root, { filter = {}, first = 20, after }) => {
      const page = await catalogDb.search(filter, { first, after });
      return {
        edges: page.items.map((node) => ({ node, cursor: node.cursor })),
        pageInfo: { hasNextPage: page.hasMore, endCursor: page.items.at(-1)?.cursor ?? null },
        facets: await facetCounts(filter),
      };
    },
  },
  Product: {
    price: (product, { currency = 'EUR' }) => ({ amount: product.prices[currency] ?? null, currency }),
  },
};
