import Fastify from 'fastify';
import cors from '@fastify/cors';
import currencyPlugin from './plugins/currency';
import flagsPlugin from './plugins/flags';
import { productRepo, type Product } from './repo/products';

const server = Fastify({ logger: { level: process.env.LOG_LEVEL ?? 'info' } });

await server.register(cors, { origin: true });
await server.register(currencyPlugin, { prefix: '/fx' });
await server.register(flagsPlugin);

const productById = new Map<string, Product>(); // expect: no-unbounded-cache-in-handler

async function loadProduct(id: string): Promise<Product | undefined> {
  const cached = productById.get(id);
  if (cached) return cached;
  const product = await productRepo.findById(id);
  if (product) productById.set(id, product);
  return product;
}

server.get<{ Params: { id: string } }>('/products/:id', async (request, reply) => {
  const product = await loadProduct(request.params.id);
  if (!product) {
    return reply.code(404).send({ message: 'not found' });
  }
  return product;
});

server.get('/healthz', async () => ({ status: 'ok' }));

try {
  await server.listen({ port: Number(process.env.PORT ?? 8080), host: '0.0.0.0' });
} catch (err) {
  server.log.error(err);
  process.exit(1);
}
