import { useCallback, useMemo, useState } from 'react';
import memoizeOne from 'memoize-one';

export interface GridProduct {
  slug: string;
  title: string;
  priceCents: number;
}

type SortKey = 'relevance' | 'price-asc' | 'price-desc';

// Sorting is only redone when the product list or the key changes.
const sortProducts = memoizeOne((products: GridProduct[], key: SortKey): GridProduct[] => {
  if (key === 'relevance') return products;
  const sorted = [...products].sort((a, b) => a.priceCents - b.priceCents);
  return key === 'price-desc' ? sorted.reverse() : sorted;
});

export function ProductGrid({ products, locale = 'en-US' }: { products: GridProduct[]; locale?: string }) {
  const [sortKey, setSortKey] = useState<SortKey>('relevance');
  const money = useMemo(() => new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }), [locale]);
  const onSort = useCallback((e: React.ChangeEvent<HTMLSelectElement>) => setSortKey(e.target.value as SortKey), []);
  const visible = sortProducts(products, sortKey);

  return (
    <section>
      <select value={sortKey} onChange={onSort}>
        <option value="relevance">Relevance</option>
        <option value="price-asc">Price: low to high</option>
        <option value="price-desc">Price: high to low</option>
      </select>
      <ul className="grid">
        {visible.map((p) => (
          <li key={p.slug}>
            <a href={`/products/${p.slug}`}>{p.title}</a>
            <span>{money.format(p.priceCents / 100)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
