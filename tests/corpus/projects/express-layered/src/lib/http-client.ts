import http from 'node:http';
import https from 'node:https';
import { config } from '../db';

export interface TextResponse {
  status: number;
  contentType: string;
  body: string;
}

/** Last status seen for each configured upstream, shown on /health. */
export const upstreamStatus = new Map<string, number>();

function handleResponse(url: string, res: http.IncomingMessage): void {
  upstreamStatus.set(url, res.statusCode ?? 0);
  res.resume();
}

export function pingUpstreams(urls: readonly string[] = config.upstreams): Promise<void[]> {
  return Promise.all(
    urls.map(
      (url) =>
        new Promise<void>((resolve) => {
          const req = https.get(url, { timeout: 3_000 }, (res) => {
            handleResponse(url, res);
            resolve();
          });
          req.on('timeout', () => req.destroy(new Error('timeout')));
          req.on('error', () => {
            upstreamStatus.set(url, 0);
            resolve();
          });
        }),
    ),
  );
}

export function getText(url: string, { timeoutMs = 5_000, maxBytes = 512_000 } = {}): Promise<TextResponse> {
  return new Promise((resolve, reject) => {
    const client = url.startsWith('https:') ? https : http;
    const req = client.get(url, { timeout: timeoutMs, headers: { 'user-agent': 'shortlinks-preview/2.3' } }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) req.destroy(new Error('response too large'));
        else chunks.push(chunk);
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: String(res.headers['content-type'] ?? ''),
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}
