import { headers } from 'next/headers';
import { getSession } from '@/lib/session';

interface AuditEntry {
  at: number;
  actor: string;
  action: string;
  target?: string;
}

// The last few hundred admin actions, for the dashboard ticker.
const recentActions: AuditEntry[] = [];
const KEEP = 500;

export async function POST(request: Request) {
  const session = await getSession();
  if (!session?.isAdmin) return new Response(null, { status: 403 });
  const { action, target } = (await request.json()) as { action: string; target?: string };
  const h = await headers();
  recentActions.push({ at: Date.now(), actor: `${session.email} (${h.get('x-real-ip') ?? '?'})`, action, target });
  if (recentActions.length > KEEP) {
    recentActions.splice(0, recentActions.length - KEEP);
  }
  return Response.json({ ok: true });
}

export async function GET() {
  const session = await getSession();
  if (!session?.isAdmin) return new Response(null, { status: 403 });
  return Response.json(recentActions.slice(-50).reverse());
}
