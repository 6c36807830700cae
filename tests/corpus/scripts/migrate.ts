#!/usr/bin/env tsx
import { parseArgs } from 'node:util';
import memoizee from 'memoizee';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    'dry-run': { type: 'boolean', default: false },
    batch: { type: 'string', default: '1000' },
  },
});

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });

// Each legacy account maps to one organization; look it up once per run.
const organizationFor = memoizee(
  async (legacyAccountId: number) => {
    const { rows } = await pool.query('select org_id from legacy_accounts where id = $1', [legacyAccountId]);
    return rows[0]?.org_id ?? null;
  },
  { promise: true, primitive: true },
);

async function migrateBatch(offset: number, size: number): Promise<number> {
  const { rows } = await pool.query('select id, account_id, payload from legacy_invoices order by id limit $1 offset $2', [size, offset]);
  for (const row of rows) {
    const orgId = await organizationFor(row.account_id);
    if (!orgId) continue;
    if (!values['dry-run']) {
      await pool.query('insert into invoices (legacy_id, org_id, data) values ($1, $2, $3) on conflict do nothing', [row.id, orgId, row.payload]);
    }
  }
  return rows.length;
}

const size = Number(values.batch);
let offset = 0;
for (let n = size; n === size; offset += n) {
  n = await migrateBatch(offset, size);
  console.log(`migrated up to ${offset + n}`);
}
await pool.end();
