import { dehydrate, HydrationBoundary, useQuery, type DehydratedState } from '@tanstack/react-query';
import type { GetServerSideProps } from 'next';
import { getProductBySlug, type Product } from '../../lib/catalog';
import { queryClient } from '../../lib/query-client';

interface Props {
  dehydratedState: DehydratedState;
  slug: string;
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ params, res }) => {
  const slug = String(params?.slug ?? '');
  await queryClient.prefetchQuery({ queryKey: ['product', slug], queryFn: () => getProductBySlug(slug) });
  if (!queryClient.getQueryData(['product', slug])) return { notFound: true };
  res.setHeader('Cache-Control', 'public, s-maxage=60, stale-while-revalidate=300');
  return { props: { dehydratedState: dehydrate(queryClient), slug } };
};

function ProductDetails({ slug }: { slug: string }) {
  const { data } = useQuery<Product | null>({
    queryKey: ['product', slug],
    queryFn: async () => (await fetch(`/api/products/${encodeURIComponent(slug)}`)).json(),
  });
  if (!data) return null;
  return (
    <article>
      <h1>{data.name}</h1>
      <p>{(data.priceCents / 100).toFixed(2)} €</p>
      {data.images.map((src) => (
        <img key={src} src={src} alt={data.name} />
      ))}
    </article>
  );
}

export default function ProductPage({ dehydratedState, slug }: Props) {
  return (
    <HydrationBoundary state={dehydratedState}>
      <ProductDetails slug={slug} />
    </HydrationBoundary>
  );
}
