import { prisma } from '../db';
import { getText } from '../lib/http-client';

export interface Link {
  code: string;
  target: string;
  ownerId: string;
}

export interface Preview {
  url: string;
  title: string | null;
  description: string | null;
}

// Lookups in flight, so a burst of clicks on a fresh link runs one query.
const resolving = new Map<string, Promise<Link | null>>();

// Page previews being fetched right now.
const fetchingPreviews = new Map<string, Promise<Preview>>();

// Finished previews, good for ten minutes.
const previews = new Map<string, { value: Preview; expiresAt: number }>(); // expect: no-unbounded-cache-in-handler

// Clicks since the last flush, per link code.
const clicksByCode: Record<string, number> = {};

export function resolveLink(code: string): Promise<Link | null> {
  const pending = resolving.get(code);
  if (pending) return pending;
  const lookup = prisma.link.findUnique({ where: { code } }).then((link) => {
    resolving.delete(code);
    return link;
  });
  resolving.set(code, lookup); // expect: no-unsafe-async-memoize
  return lookup;
}

async function fetchPreview(url: string): Promise<Preview> {
  const res = await getText(url);
  if (res.status >= 400 || !res.contentType.includes('text/html')) return { url, title: null, description: null };
  const title = /<title[^>]*>([^<]*)<\/title>/i.exec(res.body)?.[1]?.trim() ?? null;
  const description = /<meta\s+name="description"\s+content="([^"]*)"/i.exec(res.body)?.[1] ?? null;
  return { url, title, description };
}

function previewFor(url: string): Promise<Preview> {
  let pending = fetchingPreviews.get(url);
  if (!pending) {
    pending = fetchPreview(url).finally(() => fetchingPreviews.delete(url));
    fetchingPreviews.set(url, pending);
  }
  return pending;
}

export async function cachedPreview(url: string): Promise<Preview> {
  const hit = previews.get(url);
  if (hit && hit.expiresAt > Date.now()) return hit.value;
  const value = await previewFor(url);
  previews.set(url, { value, expiresAt: Date.now() + 10 * 60_000 });
  return value;
}

export function recordClick(link: Link): void {
  clicksByCode[link.code] = (clicksByCode[link.code] ?? 0) + 1;
}

async function flushClicks(): Promise<void> {
  const batch = Object.entries(clicksByCode).filter(([, n]) => n > 0);
  for (const [code] of batch) clicksByCode[code] = 0;
  await prisma.$transaction(batch.map(([code, n]) => prisma.link.update({ where: { code }, data: { clicks: { increment: n } } })));
}

setInterval(() => {
  flushClicks().catch((err) => console.error('click flush failed', err));
}, 60_000).unref();
