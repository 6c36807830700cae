import { NextResponse, type NextRequest } from 'next/server';

const WINDOW_MS = 10_000;
const MAX_REQUESTS = 50;

const windows = new Map<string, { start: number; count: number }>();

function sweep(now: number) {
  for (const [ip, w] of windows) {
    if (now - w.start > WINDOW_MS) windows.delete(ip);
  }
}

let lastSweep = 0;

export function middleware(request: NextRequest) {
  const now = Date.now();
  if (now - lastSweep > WINDOW_MS) {
    sweep(now);
    lastSweep = now;
  }
  const ip = request.headers.get('x-real-ip') ?? 'local';
  const current = windows.get(ip);
  if (!current || now - current.start > WINDOW_MS) {
    windows.set(ip, { start: now, count: 1 });
  } else if (++current.count > MAX_REQUESTS) {
    return new NextResponse('Slow down', { status: 429, headers: { 'Retry-After': '10' } });
  }
  if (!request.cookies.has('admin_session') && !request.nextUrl.pathname.startsWith('/login')) {
    return NextResponse.redirect(new URL('/login', request.url));
  }
  return NextResponse.next();
}

export const config = { matcher: ['/admin/:path*', '/api/:path*'] };
