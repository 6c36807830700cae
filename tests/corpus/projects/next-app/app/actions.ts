'use server';

import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { subscribe } from '@/lib/newsletter';

export interface SubscribeState {
  status: 'idle' | 'ok' | 'error';
  message?: string;
}

export async function subscribeToNewsletter(_prev: SubscribeState, formData: FormData): Promise<SubscribeState> {
  const email = String(formData.get('email') ?? '');
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return { status: 'error', message: 'Please enter a valid address.' };
  const source = headers().get('referer') ?? 'footer';
  try {
    const result = await subscribe(email, source);
    revalidatePath('/');
    return { status: 'ok', message: result === 'already' ? 'You are already subscribed.' : 'Check your inbox.' };
  } catch {
    return { status: 'error', message: 'Something went wrong, please try again.' };
  }
}
