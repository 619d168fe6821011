import { useEffect, useRef } from 'react';
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { Schemas } from '@zizhu/api-client';

echarts.use([LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

/** The device's bucketed telemetry, one line per numeric field (echarts/core with only the parts used). */
export function TelemetryChart({ series, label, formatAt }: { series: Schemas['TelemetrySeriesDto']; label: string; formatAt: (iso: string) => string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return undefined;
    const chart = echarts.init(el.current);
    chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 28 },
      xAxis: { type: 'category', data: series.points.map((p) => formatAt(p.at)) },
      yAxis: { type: 'value', scale: true },
      series: series.metrics.map((metric) => ({
        name: metric,
        type: 'line',
        showSymbol: false,
        connectNulls: true,
        data: series.points.map((p) => p.values[metric] ?? null),
      })),
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [series, formatAt]);
  return <div ref={el} role="img" aria-label={label} style={{ width: '100%', height: 280 }} />;
}
