import type { NextApiRequest, NextApiResponse } from 'next';
import memoizee from 'memoizee';
import { carriers } from '../../lib/carriers';
import { coupons } from '../../lib/coupons';

const shippingQuote = memoizee((country: string, weightGrams: number) => { // expect: no-unbounded-cache-in-handler
  const zone = carriers.zoneOf(country);
  const band = Math.ceil(weightGrams / 500);
  return zone.base + band * zone.perBand;
});

const lookupCoupon = memoizee( // expect: no-unbounded-cache-in-handler, no-side-effect-memoize
  async (code: string) => {
    const coupon = await coupons.find(code.toUpperCase());
    return coupon && coupon.expiresAt > Date.now() ? coupon : null;
  },
  { promise: true },
);

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST');
    return res.status(405).end();
  }
  const { country, weightGrams, coupon, subtotalCents } = req.body as {
    country: string;
    weightGrams: number;
    coupon?: string;
    subtotalCents: number;
  };
  const shipping = shippingQuote(country, weightGrams);
  const discount = coupon ? await lookupCoupon(coupon) : null;
  const discountCents = discount ? Math.round((subtotalCents * discount.percent) / 100) : 0;
  res.status(200).json({ shipping, discountCents, totalCents: subtotalCents + shipping - discountCents });
}
