import type { GetServerSideProps } from 'next';
import { useMemo } from 'react';
import _ from 'lodash';
import { cms } from '../../lib/cms';
import { ProductGrid } from '../../components/ProductGrid';

interface Category {
  slug: string;
  name: string;
  children: Category[];
}

interface Props {
  product: { slug: string; title: string; category: string; related: { slug: string; title: string; priceCents: number }[] };
  tree: Category[];
}

const getCategoryTree = _.memoize(async (): Promise<Category[]> => { // expect: no-unsafe-async-memoize
  const res = await cms.get('/categories?depth=3');
  return res.data;
});

export const getServerSideProps: GetServerSideProps<Props> = async ({ params, res }) => {
  const slug = String(params?.slug ?? '');
  const [product, tree] = await Promise.all([cms.product(slug), getCategoryTree()]);
  if (!product) return { notFound: true };
  res.setHeader('Cache-Control', 'public, s-maxage=120, stale-while-revalidate=600');
  return { props: { product, tree } };
};

export default function ProductPage({ product, tree }: Props) {
  const breadcrumbs = useMemo(() => {
    const path: Category[] = [];
    const walk = (nodes: Category[]): boolean =>
      nodes.some((node) => {
        path.push(node);
        if (node.slug === product.category || walk(node.children)) return true;
        path.pop();
        return false;
      });
    walk(tree);
    return path;
  }, [tree, product.category]);

  return (
    <main>
      <nav>{breadcrumbs.map((c) => <a key={c.slug} href={`/c/${c.slug}`}>{c.name}</a>)}</nav>
      <h1>{product.title}</h1>
      <ProductGrid products={product.related} />
    </main>
  );
}
