/**
 * Charts drawn on the server with Apache ECharts (its SSR mode, SVG renderer): the page gets an
 * SVG and needs no chart script. Only what the pages use is loaded.
 */
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, SVGRenderer]);

/** A bar chart of `values` over `labels`, as an SVG string. */
export function barChartSvg(labels: readonly string[], values: readonly number[], options: { width?: number; height?: number; color?: string } = {}): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: options.width ?? 480, height: options.height ?? 240 });
  try {
    chart.setOption({
      animation: false,
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: { type: 'category', data: [...labels], axisLabel: { fontFamily: 'Noto Sans CJK SC, sans-serif' } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: [...values], itemStyle: { color: options.color ?? '#c8102e' }, label: { show: true, position: 'top' } }],
    });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
