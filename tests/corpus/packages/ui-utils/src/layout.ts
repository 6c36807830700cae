import fastMemoize from 'fast-memoize';
import memoizee from 'memoizee';
import microMemoize from 'micro-memoize';
import moize from 'moize';
import memoize from 'memoize';
import _ from 'lodash';

export const toCss = fastMemoize((value: number, unit = undefined) => `${value}${unit ?? 'px'}`); // expect: no-unhashable-args

export const gridTemplate = memoizee((tracks: string[]) => tracks.map((t) => `minmax(0, ${t})`).join(' '), {
  primitive: true,
});

export const spacingScale = microMemoize((steps: number[]) => steps.map((s) => `${s * 4}px`), {
  transformKey: JSON.stringify,
  maxSize: 20,
});

export const breakpointQuery = moize(
  ({ min, max }: { min?: number; max?: number }) =>
    [min !== undefined && `(min-width: ${min}px)`, max !== undefined && `(max-width: ${max - 0.02}px)`].filter(Boolean).join(' and '),
  { isDeepEqual: true, maxSize: 16 },
);

export const clampStyle = memoize((range: { min: number; max: number }) => `clamp(${range.min}px, 4vw, ${range.max}px)`, {
  cacheKey: ([range]) => `${range.min}-${range.max}`,
});

const runOnce = memoizee((init: () => void) => {
  init();
  return true;
});

export const aspectRatio = _.memoize(
  (size: { width: number; height: number }) => size.width / size.height,
  (size) => `${size.width}x${size.height}`,
);

export function installResizeObserver(root: HTMLElement) {
  runOnce(() => { // expect: no-unhashable-args
    new ResizeObserver(() => root.style.setProperty('--ratio', String(aspectRatio({ width: root.clientWidth, height: root.clientHeight })))).observe(root);
  });
  return breakpointQuery({ min: 768 });
}
