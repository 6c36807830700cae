import type { FastifyInstance } from 'fastify';
import memoize from 'micro-memoize';
import { stringify } from 'csv-stringify/sync';
import { orders } from '../repo/orders';

type Column = 'id' | 'createdAt' | 'total' | 'currency' | 'status';

const headerRow = memoize(
  (columns: string, delimiter: string) => stringify([columns.split(',')], { delimiter }),
  { maxSize: Infinity },
);

const latestExport = memoize(async (accountId: string) => { // expect: no-unsafe-async-memoize
  const rows = await orders.forAccount(accountId, { limit: 10_000 });
  return rows;
});

export async function exportRoutes(fastify: FastifyInstance) {
  fastify.get<{ Params: { account: string }; Querystring: { columns?: string; sep?: string } }>(
    '/exports/:account.csv',
    async (request, reply) => {
      const columns = (request.query.columns ?? 'id,createdAt,total,currency,status') as string;
      const sep = request.query.sep ?? ',';
      const rows = await latestExport(request.params.account);
      const body =
        headerRow(columns, sep) +
        stringify(
          rows.map((row) => columns.split(',').map((c) => row[c as Column])),
          { delimiter: sep },
        );
      return reply.type('text/csv').send(body);
    },
  );
}
