import { NextResponse, type NextRequest } from 'next/server';
import memoize from 'lodash/memoize';

export const runtime = 'nodejs';

interface ProductDto {
  id: string;
  title: string;
  priceCents: number;
  images: string[];
}

const CMS_URL = process.env.CMS_URL!;

const getProduct = memoize((id: string): Promise<ProductDto> => // expect: no-unsafe-async-memoize, no-unbounded-cache-in-handler
  fetch(`${CMS_URL}/products/${id}`, { headers: { Authorization: `Bearer ${process.env.CMS_TOKEN}` } }).then((res) => {
    if (!res.ok) throw new Error(`CMS answered ${res.status}`);
    return res.json() as Promise<ProductDto>;
  }),
);

export async function GET(_req: NextRequest, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  try {
    const product = await getProduct(id);
    return NextResponse.json(product, { headers: { 'Cache-Control': 's-maxage=60, stale-while-revalidate' } });
  } catch {
    return NextResponse.json({ error: 'not found' }, { status: 404 });
  }
}
