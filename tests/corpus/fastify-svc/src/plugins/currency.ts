import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyPluginOptions } from 'fastify';
import memoizee from 'memoizee';

interface RatesResponse {
  base: string;
  date: string;
  rates: Record<string, number>;
}

const RATES_URL = process.env.RATES_URL ?? 'https://api.exchangerate.host/latest';

// Rates refresh hourly upstream; a minute of staleness is fine.
const getRates = memoizee( // expect: no-unsafe-async-memoize
  async (base: string): Promise<RatesResponse> => {
    const res = await fetch(`${RATES_URL}?base=${encodeURIComponent(base)}`);
    if (!res.ok) throw new Error(`rates upstream answered ${res.status}`);
    return (await res.json()) as RatesResponse;
  },
  { maxAge: 60_000, preFetch: true },
);

async function currencyPlugin(fastify: FastifyInstance, _opts: FastifyPluginOptions) {
  fastify.get<{ Params: { base: string } }>('/rates/:base', async (request) => {
    const { base } = request.params;
    return getRates(base.toUpperCase());
  });

  fastify.get<{ Querystring: { from: string; to: string; amount: string } }>('/convert', async (request, reply) => {
    const { from, to, amount } = request.query;
    const { rates } = await getRates(from.toUpperCase());
    const rate = rates[to.toUpperCase()];
    if (rate === undefined) return reply.code(400).send({ message: `unknown currency ${to}` });
    return { from, to, amount: Number(amount), converted: Number(amount) * rate };
  });
}

export default fp(currencyPlugin, { name: 'currency' });
