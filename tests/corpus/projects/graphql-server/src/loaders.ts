import DataLoader from 'dataloader';
import { LRUCache } from 'lru-cache';
import { db, type Order, type Product, type Review, type User } from './db';

function byKey<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const index = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => index.get(key) ?? null);
}

async function batchUsers(ids: readonly string[]): Promise<(User | null)[]> {
  const rows = await db<User>('users').whereIn('id', ids);
  return byKey(ids, rows, (u) => u.id);
}

// Shared by all requests so hot users stay loaded.
export const userLoader = new DataLoader<string, User | null>(batchUsers); // expect: no-unbounded-cache-in-handler

// Audit lookups must always be fresh: batching only.
export const auditLoader = new DataLoader<string, number>(
  async (orderIds) => {
    const rows = await db('audit_events').whereIn('order_id', orderIds).groupBy('order_id').select('order_id').count('* as n');
    return orderIds.map((id) => Number(rows.find((r) => r.order_id === id)?.n ?? 0));
  },
  { cache: false },
);

export class ProductLoaders {
  static readonly bySku = new DataLoader<string, Product | null>(async (skus) => { // expect: no-unbounded-cache-in-handler
    const rows = await db<Product>('products').whereIn('sku', skus);
    return byKey(skus, rows, (p) => p.sku);
  });

  static readonly reviewsBySku = new DataLoader<string, Review[]>(
    async (skus) => {
      const rows = await db<Review>('reviews').whereIn('sku', skus).orderBy('created_at', 'desc');
      return skus.map((sku) => rows.filter((r) => r.sku === sku));
    },
    { cacheMap: new LRUCache<string, Promise<Review[]>>({ max: 2_000 }) },
  );
}

/** Loaders whose cache lives for one GraphQL request. */
export function createLoaders() {
  return {
    ordersByUser: new DataLoader<string, Order[]>(async (userIds) => {
      const rows = await db<Order>('orders').whereIn('user_id', userIds);
      return userIds.map((id) => rows.filter((o) => o.userId === id));
    }),
    users: new DataLoader<string, User | null>(batchUsers),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
