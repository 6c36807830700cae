import Fastify from 'fastify';
import { stripe } from '../stripe';

export const server = Fastify();

interface ChargeBody {
  amountCents: number;
  currency: string;
  customerId: string;
}

async function processPayment(body: ChargeBody) {
  const intent = await stripe.paymentIntents.create({
    amount: body.amountCents,
    currency: body.currency,
    customer: body.customerId,
    confirm: true,
  });
  return { id: intent.id, status: intent.status };
}

// Idempotency: a retried request with the same key gets the same payment back.
const byIdempotencyKey = new Map<string, Promise<{ id: string; status: string }>>(); // expect: no-unbounded-cache-in-handler

server.register(async (instance) => {
  instance.post<{ Body: ChargeBody }>('/charges', async (request, reply) => {
    const key = request.headers['idempotency-key'];
    if (typeof key !== 'string') return reply.code(400).send({ message: 'Idempotency-Key header required' });
    if (!byIdempotencyKey.has(key)) {
      byIdempotencyKey.set( // expect: no-unsafe-async-memoize
        key,
        processPayment(request.body).catch((err) => {
          request.log.error({ err, key }, 'payment failed');
          throw err;
        }),
      );
    }
    return reply.code(201).send(await byIdempotencyKey.get(key));
  });
});
