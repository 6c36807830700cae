import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright';

let browser: Browser | undefined;

async function renderPreview(url: string): Promise<Buffer> {
  browser ??= await chromium.launch();
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  try {
    await page.goto(url, { waitUntil: 'networkidle', timeout: 10_000 });
    return await page.screenshot({ type: 'png' });
  } finally {
    await page.close();
  }
}

// Renders in progress; a finished render leaves the map and is served from the CDN afterwards.
const rendering = new Map<string, Promise<Buffer>>();

function previewFor(url: string): Promise<Buffer> {
  const existing = rendering.get(url);
  if (existing) return existing;
  rendering.set( // expect: no-unsafe-async-memoize
    url,
    renderPreview(url).then((png) => {
      rendering.delete(url);
      return png;
    }),
  );
  return rendering.get(url)!;
}

export default async function previewRoutes(fastify: FastifyInstance) {
  fastify.get<{ Querystring: { url: string } }>('/preview.png', async (request, reply) => {
    const png = await previewFor(request.query.url);
    return reply.header('Cache-Control', 'public, max-age=86400').type('image/png').send(png);
  });

  fastify.addHook('onClose', async () => {
    await browser?.close();
  });
}
