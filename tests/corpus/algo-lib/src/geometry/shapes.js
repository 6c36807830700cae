import memoizeOne from 'memoize-one';
import microMemoize from 'micro-memoize';

/** Area of a polygon with nested holes, memoized as an object property. */
export const geometry = {
  area: microMemoize((poly) => shoelace(poly.points) - poly.holes.reduce((s, h) => s + geometry.area(h), 0)), // expect: no-recursive-cache-thrash
  perimeter: microMemoize((poly) => poly.points.length),
};

function shoelace(points) {
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i];
    const [x2, y2] = points[(i + 1) % points.length];
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 2;
}

/** Bounding box of the last polygon drawn: memoize-one on a non-recursive function. */
export const bbox = memoizeOne((poly) => {
  const xs = poly.points.map(([x]) => x);
  const ys = poly.points.map(([, y]) => y);
  return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys) };
});

/** micro-memoize with room for every hole depth the renderer allows. */
export const holeDepth = microMemoize((poly) => 1 + Math.max(0, ...poly.holes.map((h) => holeDepth(h))), { maxSize: 256 });
