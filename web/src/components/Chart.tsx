import { useEffect, useRef } from 'preact/hooks';

export interface ChartClick {
  seriesIndex?: number;
  dataIndex: number;
  data: unknown;
  componentType?: string;
}

/** The chart instance, kept on its element so that browser tests can read the series data. */
export type ChartElement = HTMLDivElement & { __chart?: unknown };

/**
 * An ECharts canvas: `option` is built by the caller (rebuilt when `deps` change); `onClick`
 * receives clicks on data items (bars, cells), for drill-down.
 */
export function Chart({
  option,
  deps,
  onClick,
  label,
  testid,
  height,
}: {
  option: () => Record<string, unknown>;
  deps: unknown[];
  onClick?: (e: ChartClick) => void;
  label: string;
  testid: string;
  height?: number;
}) {
  const el = useRef<ChartElement>(null);
  const clickRef = useRef(onClick);
  clickRef.current = onClick;
  useEffect(() => {
    let disposed = false;
    let chart: { dispose: () => void; resize: () => void } | null = null;
    const onResize = () => chart?.resize();
    import('../lib/echarts').then(({ echarts }) => {
      if (disposed || !el.current) return;
      const c = echarts.init(el.current, undefined, { renderer: 'canvas' });
      c.setOption({ animation: false, ...option() });
      c.on('click', (e: unknown) => clickRef.current?.(e as ChartClick));
      el.current.__chart = c;
      el.current.dataset.rendered = 'true';
      chart = c;
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      if (el.current) {
        delete el.current.__chart;
        delete el.current.dataset.rendered;
      }
      chart?.dispose();
    };
  }, deps);
  return <div ref={el} class="chart" style={height ? { height: `${height}px` } : undefined} role="img" aria-label={label} data-testid={testid} />;
}
