// Draws the disclosure's charts from the data attributes the server filled in (no inline script: the CSP forbids it).
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  var font = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';
  var charts = [];

  function functionChart(el, data) {
    return {
      textStyle: { fontFamily: font },
      tooltip: { trigger: 'item', formatter: '{b}：{c} 万元（{d}%）' },
      legend: { type: 'scroll', bottom: 0 },
      series: [{
        type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
        label: { formatter: '{b}\n{c} 万元' },
        data: data.map(function (d) { return { name: d.name, value: Number(d.value) }; })
      }]
    };
  }

  function yearChart(el, data) {
    return {
      textStyle: { fontFamily: font },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v + ' 万元'; } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 48, containLabel: true },
      xAxis: { type: 'value', name: '万元' },
      yAxis: { type: 'category', data: data.items.map(function (d) { return d.name; }), inverse: true },
      series: [
        { name: data.priorYear + '年', type: 'bar', data: data.items.map(function (d) { return Number(d.prior); }) },
        { name: data.year + '年', type: 'bar', data: data.items.map(function (d) { return Number(d.current); }),
          label: { show: true, position: 'right' } }
      ]
    };
  }

  document.querySelectorAll('.chart[data-chart]').forEach(function (el) {
    var data = JSON.parse(el.getAttribute('data-chart'));
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(el.getAttribute('data-kind') === 'year' ? yearChart(el, data) : functionChart(el, data));
    el.setAttribute('data-rendered', 'true');
    charts.push(chart);
  });
  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });
}());
