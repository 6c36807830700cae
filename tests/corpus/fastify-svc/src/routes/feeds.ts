import type { FastifyInstance } from 'fastify';
import memoizee from 'memoizee';
import { XMLParser } from 'fast-xml-parser';

interface FeedItem {
  title: string;
  link: string;
  published: string;
}

const parser = new XMLParser({ ignoreAttributes: false });

const fetchFeed = memoizee(
  async (url: string): Promise<FeedItem[]> => {
    const res = await fetch(url, { headers: { 'User-Agent': 'feeds-service/1.0' } });
    if (!res.ok) throw new Error(`${url} answered ${res.status}`);
    const doc = parser.parse(await res.text());
    return (doc.rss?.channel?.item ?? []).map((i: Record<string, string>) => ({ title: i.title, link: i.link, published: i.pubDate }));
  },
  { promise: true, max: 100, maxAge: 15 * 60_000 },
);

// Per-client read markers; markers older than a day are swept every hour.
const readMarkers = new Map<string, { lastRead: number }>();
const DAY = 86_400_000;

setInterval(() => {
  const cutoff = Date.now() - DAY;
  for (const [client, marker] of readMarkers) {
    if (marker.lastRead < cutoff) readMarkers.delete(client);
  }
}, 3_600_000).unref();

export default async function feedRoutes(fastify: FastifyInstance) {
  fastify.get<{ Querystring: { url: string } }>('/feed', async (request) => {
    const items = await fetchFeed(request.query.url);
    const client = request.headers['x-client-id'];
    if (typeof client === 'string') readMarkers.set(client, { lastRead: Date.now() });
    return { items };
  });
}
