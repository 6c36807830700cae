import { useMemo, useRef } from 'react';

export interface Series {
  name: string;
  points: { x: number; y: number }[];
}

interface Layout {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

// Layouts are computed once per series array; when the array is garbage collected so is its layout.
const layouts = new WeakMap<Series[], Layout>();

function layoutOf(series: Series[]): Layout {
  let layout = layouts.get(series);
  if (!layout) {
    const xs = series.flatMap((s) => s.points.map((p) => p.x));
    const ys = series.flatMap((s) => s.points.map((p) => p.y));
    layout = { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(0, ...ys), maxY: Math.max(...ys) };
    layouts.set(series, layout);
  }
  return layout;
}

export function LineChart({ series, width = 640, height = 240 }: { series: Series[]; width?: number; height?: number }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const layout = layoutOf(series);
  const paths = useMemo(() => {
    const sx = (x: number) => ((x - layout.minX) / (layout.maxX - layout.minX || 1)) * width;
    const sy = (y: number) => height - ((y - layout.minY) / (layout.maxY - layout.minY || 1)) * height;
    return series.map((s) => ({
      name: s.name,
      d: s.points.map((p, i) => `${i ? 'L' : 'M'}${sx(p.x).toFixed(1)},${sy(p.y).toFixed(1)}`).join(' '),
    }));
  }, [series, layout, width, height]);

  return (
    <svg ref={svgRef} width={width} height={height} role="img">
      {paths.map((p) => (
        <path key={p.name} d={p.d} fill="none" stroke="currentColor" />
      ))}
    </svg>
  );
}
