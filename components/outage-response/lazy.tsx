'use client';
import dynamic from 'next/dynamic';

// Recharts loads after the page's numbers, in its own chunk.
export const LazyTimelineChart = dynamic(() => import('./timeline-chart').then((m) => m.TimelineChart), {
  ssr: false,
  loading: function TimelinePlaceholder() {
    return <div style={{ height: 300 }} className="chart-placeholder" aria-hidden="true" />;
  },
});
