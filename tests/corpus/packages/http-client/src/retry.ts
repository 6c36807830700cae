export interface RetryOptions {
  retries?: number;
  baseDelayMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function withRetry<T>(fn: () => Promise<T>, { retries = 3, baseDelayMs = 200 }: RetryOptions = {}): Promise<T> {
  let lastError: unknown;
  for (let attempt = 0; attempt <= retries; attempt++) {
    try {
      return await fn();
    } catch (err) {
      lastError = err;
      if (attempt < retries) await sleep(baseDelayMs * 2 ** attempt + Math.random() * 50);
    }
  }
  throw lastError;
}

// GETs for the same URL that overlap in time share one network round trip. A failed request
// leaves the map immediately so the next caller retries.
const inflightGets = new Map<string, Promise<unknown>>();

export function dedupedGetJson<T>(url: string): Promise<T> {
  const existing = inflightGets.get(url);
  if (existing) return existing as Promise<T>;
  const request = withRetry(async () => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: ${res.status}`);
    return (await res.json()) as T;
  });
  inflightGets.set(url, request);
  request.then(
    () => inflightGets.delete(url),
    () => inflightGets.delete(url),
  );
  return request;
}
