import Router from '@koa/router';
import moize from 'moize';
import { db } from '../db.js';

export const ordersRouter = new Router({ prefix: '/orders' });

// Money formatting is hot in list views; moize keeps the last call.
const formatOrder = moize((order) => ({
  id: order.id,
  total: new Intl.NumberFormat(order.locale, { style: 'currency', currency: order.currency }).format(order.totalCents / 100),
  placedAt: new Date(order.placedAt).toLocaleDateString(order.locale),
}));

const loadCustomer = moize( // expect: no-unsafe-async-memoize
  async (customerId) => {
    const row = await db.one('select id, name, email from customers where id = $1', [customerId]);
    return row;
  },
  { maxSize: Infinity },
);

const loadOrder = moize.promise(async (orderId) => db.one('select * from orders where id = $1', [orderId]));

ordersRouter.get('/:id', async (ctx) => {
  const order = await loadOrder(ctx.params.id);
  if (!order) ctx.throw(404, 'order not found');
  const customer = await loadCustomer(order.customer_id);
  ctx.body = {
    ...formatOrder({ ...order, locale: ctx.acceptsLanguages()[0] || 'en-US' }), // expect: no-unhashable-args
    customer: { name: customer.name },
  };
});

ordersRouter.get('/', async (ctx) => {
  const rows = await db.many('select * from orders where customer_id = $1 order by placed_at desc limit 50', [ctx.state.user.id]);
  ctx.body = rows.map(formatOrder);
});
