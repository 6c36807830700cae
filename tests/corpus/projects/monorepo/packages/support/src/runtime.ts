import pino from 'pino';

export const log = pino({ level: process.env.LOG_LEVEL ?? 'info', base: { service: process.env.SERVICE_NAME } });

/**
 * GET a JSON document. Never throws: a network error, a timeout, a non-2xx status or a body that
 * is not JSON all resolve to `null` and a warning.
 */
export async function safeGetJson<T>(url: string, init: RequestInit = {}): Promise<T | null> {
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5_000) });
    if (!res.ok) {
      log.warn({ url, status: res.status }, 'upstream answered with an error');
      return null;
    }
    return (await res.json()) as T;
  } catch (err) {
    log.warn({ url, err }, 'upstream request failed');
    return null;
  }
}
