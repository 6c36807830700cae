import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { memoizeJson, memoizeWithWarning, utils } from '@acme/support';
import { memoize } from '../../../../packages/support/src/memoize';
import { config, db } from '../env';

export interface Account {
  id: string;
  email: string;
  plan: 'free' | 'team' | 'enterprise';
  locale: string;
  createdAt: Date;
}

export interface AccountSearch {
  plan?: Account['plan'];
  email?: string;
}

const PLAN_LIMITS = {
  free: { seats: 1, projects: 3 },
  team: { seats: 25, projects: 100 },
  enterprise: { seats: 1_000, projects: 10_000 },
} as const;

export const loadAccount = memoizeWithWarning(async (id: string): Promise<Account | null> => { // expect: no-unsafe-async-memoize, no-unbounded-cache-in-handler, no-unbounded-memoize
  const { rows } = await db.query<Account>('select * from accounts where id = $1', [id]);
  return rows[0] ?? null;
}, { name: 'accounts', warnAt: 20_000 });

export const searchAccounts = memoizeJson(async (filter: AccountSearch, page?: number): Promise<Account[]> => { // expect: no-unsafe-async-memoize, no-unhashable-args, no-unbounded-cache-in-handler, no-unbounded-memoize
  const { rows } = await db.query<Account>(
    'select * from accounts where ($1::text is null or plan = $1) and ($2::text is null or email ilike $2) order by created_at desc limit 50 offset $3',
    [filter.plan ?? null, filter.email ? `%${filter.email}%` : null, ((page ?? 1) - 1) * 50],
  );
  return rows;
});

export const planLimits = memoize((plan: Account['plan']) => ({ ...PLAN_LIMITS[plan], plan })); // expect: no-unbounded-memoize

const compileTemplate = utils.memoize((name: string, locale: string) => { // expect: no-unhashable-args, no-unbounded-memoize
  const source = readFileSync(path.join(config.templateDir, locale, `${name}.hbs`), 'utf8');
  return Handlebars.compile(source);
});

// Read once; the file is replaced on deploy.
const loadDisposableDomains = memoize(async (file = config.disposableDomainsFile) => { // expect: no-unsafe-async-memoize
  const text = await readFile(file, 'utf8');
  return new Set(text.split('\n').map((line) => line.trim().toLowerCase()).filter(Boolean));
});

export function renderWelcomeEmail(account: Account): string {
  return compileTemplate('welcome', account.locale)({ email: account.email, limits: planLimits(account.plan) });
}

export async function createAccount(input: { email: string; locale?: string }): Promise<Account> {
  const domain = input.email.split('@')[1]?.toLowerCase() ?? '';
  const disposable = await loadDisposableDomains();
  if (disposable.has(domain)) throw Object.assign(new Error('disposable address'), { status: 422 });
  const { rows } = await db.query<Account>(
    "insert into accounts (email, plan, locale) values ($1, 'free', $2) returning *",
    [input.email, input.locale ?? 'en'],
  );
  const account = rows[0];
  if (!account) throw new Error('insert returned no row');
  return account;
}
