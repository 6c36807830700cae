import memoize from 'fast-memoize';

const FONT_URLS = {
  inter: 'https://fonts.example.com/inter-600.woff',
  mono: 'https://fonts.example.com/jetbrains-mono-500.woff',
} as const;

export type FontName = keyof typeof FONT_URLS;

const fonts = new Map<FontName, Promise<ArrayBuffer | null>>();

/** A font's bytes, or null when the font host is down (the image then uses the fallback font). */
export function loadFont(name: FontName): Promise<ArrayBuffer | null> {
  let font = fonts.get(name);
  if (!font) {
    font = fetch(FONT_URLS[name])
      .then((res) => res.arrayBuffer())
      .then(
        (bytes) => bytes,
        (err) => {
          console.warn(`font ${name} unavailable`, err);
          return null;
        },
      );
    fonts.set(name, font);
  }
  return font;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const renderBadge = memoize(async (label: string, color?: string): Promise<string> => { // expect: no-unsafe-async-memoize, no-unhashable-args, no-unbounded-cache-in-handler, no-unbounded-memoize
  const font = await loadFont('inter');
  const res = await fetch(`${process.env.BADGE_RENDERER}/render`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ label: escapeXml(label), color: color ?? '#0f172a', embedFont: font !== null }),
  });
  if (!res.ok) throw new Error(`renderer answered ${res.status}`);
  return res.text();
});
