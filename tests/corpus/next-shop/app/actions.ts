'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { z } from 'zod';
import { db } from '@/lib/db';

const DraftSchema = z.object({
  title: z.string().max(120),
  body: z.string().max(20_000),
});

type Draft = z.infer<typeof DraftSchema>;

// Autosaved drafts keyed by session, flushed to the database on publish.
const draftsBySession = new Map<string, Draft>(); // expect: no-unbounded-cache-in-handler

async function sessionId(): Promise<string> {
  const jar = await cookies();
  return jar.get('sid')?.value ?? 'anonymous';
}

export async function saveDraft(formData: FormData) {
  const draft = DraftSchema.parse({ title: formData.get('title'), body: formData.get('body') });
  draftsBySession.set(await sessionId(), draft);
  return { savedAt: new Date().toISOString() };
}

export async function publishDraft() {
  const sid = await sessionId();
  const draft = draftsBySession.get(sid);
  if (!draft) return { error: 'nothing to publish' };
  const post = await db.post.create({ data: { ...draft, authorSession: sid } });
  revalidatePath('/blog');
  return { id: post.id };
}
