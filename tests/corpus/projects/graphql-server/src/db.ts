import knex from 'knex';
import { Redis } from 'ioredis';

export const db = knex({
  client: 'pg',
  connection: process.env.DATABASE_URL,
  pool: { min: 2, max: 20 },
});

export const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 });

export const WAREHOUSES = ['ber-1', 'ams-2', 'waw-1'] as const;
export type WarehouseId = (typeof WAREHOUSES)[number];

export interface User {
  id: string;
  name: string;
  email: string;
}

export interface Product {
  sku: string;
  title: string;
  priceCents: number;
}

export interface Order {
  id: string;
  userId: string;
  status: 'open' | 'paid' | 'shipped';
  currency: string;
}

export interface Review {
  sku: string;
  rating: number;
  body: string;
}
