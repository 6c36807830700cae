import { memoizePromise } from '../lib/memoize-promise';

export interface Preview {
  title: string;
  image?: string;
}

const fetchPreview = memoizePromise(async (url: string): Promise<Preview> => { // expect: no-unbounded-cache-in-handler, no-unbounded-memoize
  const res = await fetch(`https://unfurl.internal/?url=${encodeURIComponent(url)}`);
  if (!res.ok) throw new Error(`unfurl ${res.status}`);
  return (await res.json()) as Preview;
});

const fetchEmbed = memoizePromise(async (url: string, maxWidth: number): Promise<string> => { // expect: no-unhashable-args, no-unbounded-cache-in-handler, no-unbounded-memoize
  const res = await fetch(`https://oembed.internal/?url=${encodeURIComponent(url)}&maxwidth=${maxWidth}`);
  return res.text();
});

export async function previewFor(url: string, width: number) {
  const [preview, embed] = await Promise.all([fetchPreview(url), fetchEmbed(url, width)]);
  return { ...preview, embed };
}
