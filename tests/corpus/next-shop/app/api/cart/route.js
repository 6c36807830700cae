import { cookies } from 'next/headers';
import { pricing } from '../../../lib/pricing';

const cartTotals = new Map(); // expect: no-unbounded-cache-in-handler
const warmups = {};

async function computeTotals(cartId) {
  const cart = await pricing.loadCart(cartId);
  const lines = await Promise.all(cart.items.map((item) => pricing.price(item.sku, item.qty)));
  return { subtotal: lines.reduce((a, b) => a + b, 0), items: cart.items.length };
}

export function warmRegion(region) {
  warmups[region] = (async () => { // expect: no-unsafe-async-memoize
    await pricing.prefetchRegion(region);
    return Date.now();
  })();
  return warmups[region];
}

export async function GET() {
  const jar = await cookies();
  const cartId = jar.get('cart')?.value;
  if (!cartId) return Response.json({ subtotal: 0, items: 0 });
  if (!cartTotals.has(cartId)) cartTotals.set(cartId, await computeTotals(cartId));
  return Response.json(cartTotals.get(cartId));
}

export async function POST(request) {
  const { sku, qty } = await request.json();
  const jar = await cookies();
  const cartId = jar.get('cart')?.value ?? crypto.randomUUID();
  await pricing.addToCart(cartId, sku, qty);
  cartTotals.set(cartId, await computeTotals(cartId));
  jar.set('cart', cartId, { httpOnly: true, sameSite: 'lax' });
  return Response.json(cartTotals.get(cartId), { status: 201 });
}
