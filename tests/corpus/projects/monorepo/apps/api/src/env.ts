import { Pool } from 'pg';

export const config = {
  port: Number(process.env.PORT ?? 3000),
  databaseUrl: process.env.DATABASE_URL ?? 'postgres://localhost:5432/acme',
  ratesUrl: process.env.RATES_URL ?? 'https://rates.example.com/v2',
  ratesToken: process.env.RATES_TOKEN ?? '',
  calendarUrl: process.env.CALENDAR_URL ?? 'https://calendar.example.com/holidays',
  homeCountry: process.env.HOME_COUNTRY ?? 'DE',
  disposableDomainsFile: process.env.DISPOSABLE_DOMAINS ?? '/etc/acme/disposable-domains.txt',
  templateDir: process.env.TEMPLATE_DIR ?? new URL('../templates', import.meta.url).pathname,
  fallbackCurrencies: ['EUR', 'USD', 'GBP'],
};

export const db = new Pool({ connectionString: config.databaseUrl, max: 10 });
