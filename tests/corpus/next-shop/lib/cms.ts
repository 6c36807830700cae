import memoize from 'micro-memoize';
import { memoizeWith } from 'ramda';

const CMS_URL = process.env.CMS_URL ?? 'http://localhost:1337';

interface Query {
  type: 'product' | 'page' | 'category';
  slug: string;
  locale?: string;
}

export const buildQueryString = memoize((query: { type: string; slug: string; locale?: string }) => { // expect: no-unhashable-args
  const params = new URLSearchParams({ 'filters[slug][$eq]': query.slug, populate: '*' });
  if (query.locale) params.set('locale', query.locale);
  return `/api/${query.type}s?${params}`;
});

export const assetUrl = memoizeWith(String, (path: string) => (path.startsWith('http') ? path : `${CMS_URL}${path}`));

async function request<T>(path: string): Promise<T> {
  const res = await fetch(`${CMS_URL}${path}`, { headers: { Authorization: `Bearer ${process.env.CMS_TOKEN}` } });
  if (!res.ok) throw new Error(`CMS ${res.status} for ${path}`);
  return (await res.json()) as T;
}

export const cms = {
  get: (path: string) => request<{ data: unknown }>(path),
  async product(slug: string, locale?: string) {
    const q: Query = { type: 'product', slug, locale };
    const { data } = await request<{ data: unknown[] }>(buildQueryString(q));
    return data[0] ?? null;
  },
  async page(slug: string) {
    const { data } = await request<{ data: unknown[] }>(buildQueryString({ type: 'page', slug })); // expect: no-unhashable-args
    return data[0] ?? null;
  },
};
