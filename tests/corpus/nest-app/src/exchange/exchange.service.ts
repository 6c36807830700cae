import { Injectable, Logger } from '@nestjs/common';
import { HttpService } from '@nestjs/axios';
import { firstValueFrom } from 'rxjs';
import { Memoize, MemoizeExpiring } from 'typescript-memoize';

interface Rate {
  base: string;
  quote: string;
  value: number;
  at: string;
}

@Injectable()
export class ExchangeService {
  private readonly logger = new Logger(ExchangeService.name);

  constructor(private readonly http: HttpService) {}

  // One failed upstream call is served for the life of the service.
  @Memoize() // expect: no-unsafe-async-memoize
  async supportedCurrencies(): Promise<string[]> {
    const res = await firstValueFrom(this.http.get<string[]>('https://rates.internal/currencies'));
    return res.data;
  }

  // Keyed on `base` only: rate('EUR', 'GBP') returns what rate('EUR', 'USD') fetched first.
  @MemoizeExpiring(60_000) // expect: no-unsafe-async-memoize, no-unhashable-args
  async rate(base: string, quote: string): Promise<Rate> {
    const res = await firstValueFrom(this.http.get<Rate>(`https://rates.internal/${base}/${quote}`));
    return res.data;
  }

  // Both currencies in the key, but a rejection is still cached until the entry expires.
  @MemoizeExpiring(60_000, (base: string, quote: string) => `${base}/${quote}`) // expect: no-unsafe-async-memoize
  async inverseRate(base: string, quote: string): Promise<number> {
    const rate = await this.rate(quote, base);
    return 1 / rate.value;
  }

  // Failures become a fallback inside: nothing rejected is ever cached.
  @Memoize()
  async displayName(code: string): Promise<string> {
    try {
      const res = await firstValueFrom(this.http.get<{ name: string }>(`https://rates.internal/names/${code}`));
      return res.data.name;
    } catch (err) {
      this.logger.warn(`no display name for ${code}: ${String(err)}`);
      return code;
    }
  }

  // Synchronous and keyed by its only argument.
  @Memoize()
  symbol(code: string): string {
    const parts = new Intl.NumberFormat('en', { style: 'currency', currency: code }).formatToParts(0);
    return parts.find((p) => p.type === 'currency')?.value ?? code;
  }

  // All arguments hashed together by typescript-memoize's `true`.
  @Memoize(true)
  format(amount: number, code: string): string {
    return `${this.symbol(code)}${amount.toFixed(2)}`;
  }
}
