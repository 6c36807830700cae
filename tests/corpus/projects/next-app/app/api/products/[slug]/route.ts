import { NextResponse, type NextRequest } from 'next/server';
import { catalogCacheStats, getCategories, getProductBySlug } from '@/lib/catalog';

export const dynamic = 'force-dynamic';

export async function GET(req: NextRequest, { params }: { params: { slug: string } }) {
  if (params.slug === '_stats') return NextResponse.json(catalogCacheStats());
  const product = await getProductBySlug(params.slug);
  if (!product) return NextResponse.json({ error: 'not found' }, { status: 404 });
  const locale = req.headers.get('accept-language')?.startsWith('de') ? 'de' : 'en';
  const categories = await getCategories(locale);
  return NextResponse.json({ product, categories });
}
