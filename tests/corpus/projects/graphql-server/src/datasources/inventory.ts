import { redis, type WarehouseId } from '../db';

export interface StockLevel {
  sku: string;
  available: number;
  reserved: number;
}

export interface WarehouseStatus {
  id: WarehouseId;
  online: boolean;
}

const INVENTORY_API = process.env.INVENTORY_API ?? 'http://inventory.internal';

async function fetchStock(sku: string): Promise<StockLevel> {
  const res = await fetch(`${INVENTORY_API}/stock/${encodeURIComponent(sku)}`);
  if (!res.ok) throw new Error(`inventory answered ${res.status}`);
  return (await res.json()) as StockLevel;
}

// One inventory request per SKU at a time.
const inflight = new Map<string, Promise<StockLevel>>();

export function stockFor(sku: string): Promise<StockLevel> {
  const existing = inflight.get(sku);
  if (existing) return existing;
  const release = () => {
    inflight.delete(sku);
  };
  const request = fetchStock(sku).then(
    (level) => {
      release();
      return level;
    },
    (err: unknown) => {
      release();
      throw err;
    },
  );
  inflight.set(sku, request);
  return request;
}

// Heartbeat of each warehouse, read from Redis; offline when Redis does not answer in time.
const statuses = new Map<WarehouseId, Promise<WarehouseStatus>>();

export function warehouseStatus(id: WarehouseId): Promise<WarehouseStatus> {
  let status = statuses.get(id);
  if (!status) {
    status = new Promise<WarehouseStatus>((resolve) => {
      const timer = setTimeout(() => resolve({ id, online: false }), 2_000);
      redis.get(`warehouse:${id}:heartbeat`, (err, value) => {
        clearTimeout(timer);
        resolve({ id, online: !err && value !== null && Date.now() - Number(value) < 30_000 });
      });
    });
    statuses.set(id, status);
    setTimeout(() => statuses.delete(id), 10_000).unref();
  }
  return status;
}
