import { readFileSync } from 'node:fs';
import path from 'node:path';
import { kv } from '@vercel/kv';

export interface DayStats {
  orders: number;
  revenueCents: number;
  topSkus: string[];
}

const TEMPLATE_DIR = path.join(process.cwd(), 'emails');
const compiledTemplates = new Map<string, (values: Record<string, string>) => string>();
const templateSources: Record<string, string> = {};

function get(name: string): string {
  if (!(name in templateSources)) templateSources[name] = readFileSync(path.join(TEMPLATE_DIR, `${name}.txt`), 'utf8');
  return templateSources[name];
}

function format(template: string, values: Record<string, string>): string {
  let render = compiledTemplates.get(template);
  if (!render) {
    const parts = template.split(/\{\{\s*(\w+)\s*\}\}/g);
    render = (vals) => parts.map((part, i) => (i % 2 === 1 ? vals[part] ?? '' : part)).join('');
    compiledTemplates.set(template, render);
  }
  return render(values);
}

/** The weekly digest mail body; the mailer job imports this. */
export function renderDigest(week: string, stats: DayStats[]): string {
  const total = stats.reduce((sum, day) => sum + day.revenueCents, 0);
  return format(get('digest'), { week, orders: String(stats.reduce((n, d) => n + d.orders, 0)), revenue: (total / 100).toFixed(2) });
}

export async function dailyReport(day: string) {
  const stats = await kv.get<DayStats>(`stats:${day}`);
  if (!stats) return null;
  const label = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  const revenue = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(stats.revenueCents / 100);
  return { day, label, orders: stats.orders, revenue, topSkus: stats.topSkus.slice(0, 10) };
}
