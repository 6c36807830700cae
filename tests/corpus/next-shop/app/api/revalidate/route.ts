import { revalidatePath, revalidateTag } from 'next/cache';
import { timingSafeEqual } from 'node:crypto';

interface RevalidateBody {
  tags?: string[];
  paths?: string[];
}

function validSecret(given: string | null): boolean {
  const expected = Buffer.from(process.env.REVALIDATE_SECRET ?? '');
  const actual = Buffer.from(given ?? '');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

export async function POST(request: Request) {
  if (!validSecret(request.headers.get('x-revalidate-secret'))) {
    return new Response('forbidden', { status: 403 });
  }
  const body = (await request.json()) as RevalidateBody;

  // Deduplicate within this request only.
  const done = new Map<string, 'tag' | 'path'>();
  for (const tag of body.tags ?? []) {
    if (!done.has(tag)) {
      revalidateTag(tag);
      done.set(tag, 'tag');
    }
  }
  for (const path of body.paths ?? []) {
    if (!done.has(path)) {
      revalidatePath(path);
      done.set(path, 'path');
    }
  }
  return Response.json({ revalidated: Object.fromEntries(done), now: Date.now() });
}
