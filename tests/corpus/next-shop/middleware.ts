import { NextResponse, type NextRequest } from 'next/server';

const BOT_PATTERN = /bot|crawler|spider|crawling|headless/i;

// User agents we have already classified as bots.
const knownBots = new Set<string>(); // expect: no-unbounded-cache-in-handler

function isBot(userAgent: string): boolean {
  if (knownBots.has(userAgent)) return true;
  if (BOT_PATTERN.test(userAgent)) {
    knownBots.add(userAgent);
    return true;
  }
  return false;
}

export function middleware(request: NextRequest) {
  const ua = request.headers.get('user-agent') ?? '';
  if (isBot(ua) && request.nextUrl.pathname.startsWith('/checkout')) {
    return NextResponse.redirect(new URL('/', request.url));
  }
  const response = NextResponse.next();
  response.headers.set('x-pathname', request.nextUrl.pathname);
  return response;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
