import type { NextRequest } from 'next/server';
import { renderBadge } from '@/lib/og';

export const runtime = 'nodejs';

export async function GET(req: NextRequest) {
  const title = req.nextUrl.searchParams.get('title')?.slice(0, 120) ?? 'Acme Store';
  const color = req.nextUrl.searchParams.get('color') ?? undefined;
  const svg = await renderBadge(title, color);
  return new Response(svg, {
    headers: { 'content-type': 'image/svg+xml', 'cache-control': 'public, max-age=86400, immutable' },
  });
}
