import { algolia } from '@/lib/algolia';

const suggestionsByPrefix: Record<string, string[]> = {}; // expect: no-unbounded-cache-in-handler

async function suggest(prefix: string): Promise<string[]> {
  const known = suggestionsByPrefix[prefix];
  if (known) return known;
  const { hits } = await algolia.search<{ title: string }>(prefix, { hitsPerPage: 8 });
  const titles = hits.map((h) => h.title);
  suggestionsByPrefix[prefix] = titles;
  return titles;
}

export const GET = async (request: Request) => {
  const { searchParams } = new URL(request.url);
  const q = (searchParams.get('q') ?? '').trim().toLowerCase();
  if (q.length < 2) {
    return Response.json({ suggestions: [] });
  }
  const suggestions = await suggest(q.slice(0, 32));
  return Response.json({ suggestions });
};

export const dynamic = 'force-dynamic';
