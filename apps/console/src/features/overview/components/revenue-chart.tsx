import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { formatFen } from '@/lib/format';
import { OVERVIEW_NS } from '../i18n';
import type { Overview } from './overview-cards';

// only the parts the chart uses
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Day = NonNullable<Overview['revenue']>['byDay'][number];

/** Paid and refunded bars with the net line, per Asia/Shanghai day; amounts shown through formatFen. */
export function RevenueChart({ days }: { days: readonly Day[] }) {
  const { t } = useTranslation(OVERVIEW_NS);
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption({
      // echarts hands formatters whatever it computed (axis ticks of small amounts can be 0.2 fen): round to whole fen
      tooltip: { trigger: 'axis', valueFormatter: (fen: number) => formatFen(Math.round(fen)) },
      legend: { top: 0, data: [t('revenue.paid'), t('revenue.refunded'), t('revenue.net')] },
      grid: { top: 40, left: 8, right: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: days.map((d) => d.day.slice(5)) },
      yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (fen: number) => formatFen(Math.round(fen)) } },
      series: [
        { name: t('revenue.paid'), type: 'bar', data: days.map((d) => d.paidFen) },
        { name: t('revenue.refunded'), type: 'bar', data: days.map((d) => d.refundedFen) },
        { name: t('revenue.net'), type: 'line', showSymbol: false, data: days.map((d) => d.netFen) },
      ],
    });
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [days, t]);
  return <div ref={element} role="img" aria-label={t('revenue.chart')} style={{ width: '100%', height: 280 }} />;
}
