import type { FastifyPluginAsync } from 'fastify';
import { accounts, type Account } from '../repo/accounts';

const accountsByKey = new Map<string, Account | null>(); // expect: no-unbounded-cache-in-handler

function remember(apiKey: string, account: Account | null) {
  accountsByKey.set(apiKey, account);
  return account;
}

async function resolveAccount(apiKey: string): Promise<Account | null> {
  if (accountsByKey.has(apiKey)) return accountsByKey.get(apiKey) ?? null;
  const account = await accounts.findByApiKey(apiKey);
  return remember(apiKey, account);
}

const lookupRoutes: FastifyPluginAsync = async (fastify) => {
  fastify.get('/account', async (request, reply) => {
    const apiKey = request.headers['x-api-key'];
    if (typeof apiKey !== 'string') return reply.code(401).send({ message: 'missing api key' });
    const account = await resolveAccount(apiKey);
    if (!account) return reply.code(403).send({ message: 'unknown api key' });
    return { id: account.id, name: account.name, tier: account.tier };
  });
};

export default lookupRoutes;
