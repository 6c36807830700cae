import _ from 'lodash';
import memoizee from 'memoizee';
import { EventEmitter } from 'node:events';
import { getClient, pool } from '../lib/db';

export const events = new EventEmitter();
let lookups = 0;

/** Reads a user; the lazy client getter is not an effect a cache hit skips. */
export const findUser = memoizee(async (id: string) => getClient().user.findUnique({ where: { id } }), { promise: true, max: 1000 });

/** Upserts on every call that misses: later calls with the same email never write. */
export const ensureUser = memoizee( // expect: no-side-effect-memoize
  async (email: string) => getClient().user.upsert({ where: { email }, create: { email }, update: {} }),
  { promise: true, max: 1000 },
);

/** Counts lookups in a module variable: a hit skips the increment. */
export const userName = _.memoize((id: string) => { // expect: no-side-effect-memoize
  lookups++;
  return `user:${id}`;
});

/** Announces the profile it built: the event fires once per id. */
export const profileCard = _.memoize((id: string) => { // expect: no-side-effect-memoize
  const card = { id, title: `Profile ${id}` };
  events.emit('profile:rendered', card);
  return card;
});

/** A raw SQL insert behind a memoizer. */
export const recordVisit = memoizee((userId: string) => pool.query('INSERT INTO visits (user_id) VALUES ($1)', [userId]), { max: 500 }); // expect: no-side-effect-memoize

/** A raw SQL read: pure from the cache's point of view. */
export const countOrders = memoizee((userId: string) => pool.query('SELECT count(*) FROM orders WHERE user_id = $1', [userId]), { max: 500 });

/** Logs and builds a string from its argument: logging alone is not an effect worth a report. */
export const displayName = _.memoize((email: string) => {
  console.debug('display name for', email);
  const [local] = email.split('@');
  return local.replace(/\./g, ' ');
});

export function lookupCount(): number {
  return lookups;
}
