'use client';
import dynamic from 'next/dynamic';

// Recharts is heavy: charts load after the page's numbers, in their own chunk.
const placeholder = (height: number) =>
  function ChartPlaceholder() {
    return <div style={{ height }} className="chart-placeholder" aria-hidden="true" />;
  };

export const LazySeriesChart = dynamic(() => import('./series-chart').then((m) => m.SeriesChart), {
  ssr: false,
  loading: placeholder(260),
});
