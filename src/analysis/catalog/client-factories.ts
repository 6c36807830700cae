/**
 * Clients made without I/O: the library connects later (`connect()`, the first query) or reports a
 * failed connection as an event, so making one fails, if at all, on bad options, the same way every
 * time. By module, the exports that make them (`default` for a default import).
 */
export const lazyClientFactories: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['redis', new Set(['createClient', 'createCluster'])],
  ['@redis/client', new Set(['createClient', 'createCluster'])],
  ['ioredis', new Set(['default', 'Redis', 'Cluster'])],
  ['mongodb', new Set(['MongoClient'])],
  ['pg', new Set(['Pool', 'Client'])],
  ['@prisma/client', new Set(['PrismaClient'])],
  ['kafkajs', new Set(['Kafka'])],
]);

/** Methods that add an event listener: registering one runs nothing and cannot fail. */
export const listenerMethods: ReadonlySet<string> = new Set(['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']);

/**
 * Clients whose every call resolves with `{ data, error }`, network failures included, and never
 * rejects: Supabase's (postgrest queries, auth, rpc, storage, functions). By module, the exports that
 * make them; `resultErrorClientName` is the name code conventionally keeps one under. A chain that
 * asks for `throwOnError` (`resultErrorThrowingMethods`) rejects after all.
 */
export const resultErrorClientFactories: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['@supabase/supabase-js', new Set(['createClient'])],
  ['@supabase/ssr', new Set(['createServerClient', 'createBrowserClient'])],
]);
export const resultErrorClientName = /^supabase(?:Client|Admin|Server|Browser|Service)?$/i;
export const resultErrorThrowingMethods: ReadonlySet<string> = new Set(['throwOnError']);
