import nanomemoize from 'nano-memoize';
import memoize from 'lodash/memoize';

export type Rgb = [number, number, number];

export const hexToRgb = nanomemoize((hex: string): Rgb => {
  const clean = hex.replace(/^#/, '');
  const full = clean.length === 3 ? clean.replace(/./g, (c) => c + c) : clean;
  const n = parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
});

// WCAG relative luminance.
export const luminance = memoize((rgb: [number, number, number]) => { // expect: no-unhashable-args
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
});

export function contrastRatio(a: string, b: string): number {
  const la = luminance(hexToRgb(a));
  const lb = luminance(hexToRgb(b));
  const [hi, lo] = la > lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

export function readableOn(background: string): '#000000' | '#ffffff' {
  return contrastRatio(background, '#000000') >= contrastRatio(background, '#ffffff') ? '#000000' : '#ffffff';
}

export function mix(a: string, b: string, weight = 0.5): string {
  const [ra, ga, ba] = hexToRgb(a);
  const [rb, gb, bb] = hexToRgb(b);
  const ch = (x: number, y: number) => Math.round(x * (1 - weight) + y * weight).toString(16).padStart(2, '0');
  return `#${ch(ra, rb)}${ch(ga, gb)}${ch(ba, bb)}`;
}
