import { BadRequestException, Injectable } from '@nestjs/common';
import _ from 'lodash';
import memoizee from 'memoizee';
import { formatMoney } from '../common/money';

export interface Plan {
  id: string;
  name: string;
  unitAmount: number;
  currency: string;
}

export interface QuoteRequest {
  planId: string;
  seats: number;
  timezone: string;
}

export interface Quote {
  planId: string;
  seats: number;
  total: number;
  currency: string;
  renewsAt: string;
  validUntil: number;
  display: string;
}

const STRIPE_API = 'https://api.stripe.com/v1';
const MAX_QUOTES = 5_000;

@Injectable()
export class BillingService {
  private readonly quotes = new Map<string, Quote>();

  /** Minutes east of UTC for an IANA zone, from the time service. */
  private readonly utcOffset = memoizee( // expect: no-unsafe-async-memoize, no-unbounded-cache-in-handler, no-unbounded-memoize
    async (timezone: string): Promise<number> => {
      const res = await fetch(`${process.env.TIME_API}/zones/${encodeURIComponent(timezone)}`);
      if (!res.ok) throw new BadRequestException(`unknown time zone ${timezone}`);
      const body = (await res.json()) as { offsetMinutes: number };
      return body.offsetMinutes;
    },
    { length: 1 },
  );

  constructor() {
    this.planFor = _.memoize(this.planFor.bind(this)); // expect: no-unsafe-async-memoize, no-unbounded-cache-in-handler, no-unbounded-memoize
  }

  async planFor(planId: string): Promise<Plan> {
    const res = await fetch(`${STRIPE_API}/prices/${encodeURIComponent(planId)}?expand[]=product`, {
      headers: { authorization: `Bearer ${process.env.STRIPE_SECRET_KEY}` },
    });
    if (!res.ok) throw new BadRequestException(`unknown plan ${planId}`);
    const price = (await res.json()) as { id: string; unit_amount: number; currency: string; product: { name: string } };
    return { id: price.id, name: price.product.name, unitAmount: price.unit_amount, currency: price.currency };
  }

  async quote(dto: QuoteRequest): Promise<Quote> {
    const key = `${dto.planId}:${dto.seats}:${dto.timezone}`;
    const cached = this.quotes.get(key);
    if (cached && cached.validUntil > Date.now()) return cached;

    const [plan, offset] = await Promise.all([this.planFor(dto.planId), this.utcOffset(dto.timezone)]);
    const renewsAt = new Date(Date.now() + 30 * 86_400_000 - offset * 60_000).toISOString();
    const total = plan.unitAmount * dto.seats;
    const display = formatMoney({ amount: total, currency: plan.currency }); // expect: no-unhashable-args
    const quote: Quote = {
      planId: plan.id,
      seats: dto.seats,
      total,
      currency: plan.currency,
      renewsAt,
      validUntil: Date.now() + 10 * 60_000,
      display,
    };
    if (this.quotes.size >= MAX_QUOTES) {
      const oldest = this.quotes.keys().next().value;
      if (oldest !== undefined) this.quotes.delete(oldest);
    }
    this.quotes.set(key, quote);
    return quote;
  }
}
