import { GraphQLError } from 'graphql';
import type { Context } from '../context';
import { db, WAREHOUSES, type Order } from '../db';
import { auditLoader, ProductLoaders } from '../loaders';
import { stockFor, warehouseStatus } from '../datasources/inventory';
import { fxRate, priceFor, reviewSummary, searchProducts, taxRateFor, type SearchArgs } from '../services/catalog';

interface OrderItemRow {
  orderId: string;
  sku: string;
  quantity: number;
}

export const orderResolvers = {
  Query: {
    product: (_parent: unknown, { sku }: { sku: string }) => ProductLoaders.bySku.load(sku),
    price: (_parent: unknown, { sku, currency }: { sku: string; currency: string }) => priceFor(sku, currency),
    search: (_parent: unknown, args: SearchArgs) => searchProducts(args),
    reviewSummary: (_parent: unknown, { sku }: { sku: string }) => reviewSummary(sku),
    warehouses: () => Promise.all(WAREHOUSES.map((id) => warehouseStatus(id))),
  },
  Order: {
    items: (order: Order) => db<OrderItemRow>('order_items').where({ orderId: order.id }),
    auditEvents: (order: Order) => auditLoader.load(order.id),
  },
  OrderItem: {
    product: (item: OrderItemRow) => ProductLoaders.bySku.load(item.sku),
    reviews: (item: OrderItemRow) => ProductLoaders.reviewsBySku.load(item.sku),
    stock: (item: OrderItemRow) => stockFor(item.sku),
  },
  Mutation: {
    placeOrder: async (
      _parent: unknown,
      { input }: { input: { currency: string; country: string; items: { sku: string; quantity: number }[] } },
      ctx: Context,
    ) => {
      if (!ctx.viewer) throw new GraphQLError('not signed in', { extensions: { code: 'UNAUTHENTICATED' } });
      const [rate, tax] = await Promise.all([fxRate(input.currency), taxRateFor(input.country)]);
      const products = await Promise.all(input.items.map((item) => ProductLoaders.bySku.load(item.sku)));
      const net = products.reduce((sum, p, i) => sum + (p?.priceCents ?? 0) * (input.items[i]?.quantity ?? 0), 0);
      const [order] = await db<Order>('orders')
        .insert({ userId: ctx.viewer.id, status: 'open', currency: input.currency, totalCents: Math.round(net * rate * (1 + tax)) })
        .returning('*');
      return order;
    },
  },
};
