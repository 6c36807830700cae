import memoize from 'lodash/memoize';
import nanomemoize from 'nano-memoize';

export interface Point {
  x: number;
  y: number;
}

export const joinSegments = memoize((...segments: string[]) => // expect: no-unhashable-args
  segments
    .filter(Boolean)
    .join('/')
    .replace(/\/{2,}/g, '/'),
);

export const polylinePath = memoize((points: Array<Point>) => // expect: no-unhashable-args
  points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' '),
);

export const viewBox = nanomemoize(({ width, height, padding }: { width: number; height: number; padding: number }) => // expect: no-unhashable-args
  `${-padding} ${-padding} ${width + 2 * padding} ${height + 2 * padding}`,
);

export const iconHref = nanomemoize((name: string) => `/icons/sprite.svg#${name}`);

export function framed(points: Point[], padding = 8) {
  const width = Math.max(...points.map((p) => p.x));
  const height = Math.max(...points.map((p) => p.y));
  return { d: polylinePath(points), viewBox: viewBox({ width, height, padding }) }; // expect: no-unhashable-args
}
