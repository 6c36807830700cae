import 'server-only';

export interface Product {
  slug: string;
  name: string;
  priceCents: number;
  images: string[];
}

export interface Category {
  id: string;
  name: string;
  parentId: string | null;
}

const API = process.env.CATALOG_API ?? 'https://catalog.internal/v3';

// Products by slug, including slugs that do not exist (null), to spare the catalog service.
const productsBySlug = new Map<string, Product | null>(); // expect: no-unbounded-cache-in-handler
let hits = 0;
let misses = 0;

// Category trees per locale, fetched once and refreshed every minute.
const categoryRequests: Record<string, Promise<Category[]>> = {};

export async function getProductBySlug(slug: string): Promise<Product | null> {
  if (productsBySlug.has(slug)) {
    hits += 1;
    return productsBySlug.get(slug) ?? null;
  }
  misses += 1;
  const res = await fetch(`${API}/products?slug=${encodeURIComponent(slug)}`, { cache: 'no-store' });
  const product = res.ok ? ((await res.json()) as Product) : null;
  productsBySlug.set(slug, product);
  return product;
}

export function getCategories(locale: 'en' | 'de' | 'fr'): Promise<Category[]> {
  if (!(locale in categoryRequests)) {
    categoryRequests[locale] = fetch(`${API}/categories?locale=${locale}`).then(async (res) => { // expect: no-unsafe-async-memoize
      if (!res.ok) throw new Error(`catalog answered ${res.status}`);
      setTimeout(() => delete categoryRequests[locale], 60_000);
      return (await res.json()) as Category[];
    });
  }
  return categoryRequests[locale];
}

export function catalogCacheStats() {
  return { entries: productsBySlug.size, hits, misses, hitRatio: hits / Math.max(1, hits + misses) };
}
