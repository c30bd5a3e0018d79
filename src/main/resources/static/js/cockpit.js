// Town overview charts. The figures and every label come from the page's data-cockpit attribute
// (the content security policy forbids inline scripts); the tables beside the charts carry the same
// figures for screen readers, printing and small screens.
(() => {
  const root = document.getElementById('cockpit');
  if (!root || !window.echarts) {
    return;
  }
  const data = JSON.parse(root.dataset.cockpit);
  const colours = { residents: '#0d6efd', keyGroup: '#c8102e', hardship: '#b58100' };
  const categoryColours = { KEY_GROUP: '#c8102e', HARDSHIP: '#b58100', OCCUPATION: '#3d6fb6', STATUS: '#6c757d' };
  const charts = [];
  const rowHeight = 44;

  function sized(element, rows) {
    element.style.height = Math.max(160, rows * rowHeight + 70) + 'px';
    const chart = echarts.init(element);
    charts.push(chart);
    return chart;
  }

  function areaChart(element) {
    const parts = data.parts;
    const chart = sized(element, parts.length);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 4, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category', inverse: true, triggerEvent: true,
        data: parts.map((p) => p.name),
        axisLabel: { width: 120, overflow: 'truncate' }
      },
      series: ['residents', 'keyGroup', 'hardship'].map((key) => ({
        name: data.labels[key], type: 'bar', data: parts.map((p) => p[key]),
        itemStyle: { color: colours[key] }, barMaxWidth: 14
      }))
    });
    // A tap anywhere on an area's row opens it: a thin bar alone is too small a target for a thumb.
    chart.getZr().on('click', (event) => {
      const point = [event.offsetX, event.offsetY];
      if (chart.containPixel({ gridIndex: 0 }, point)) {
        open(parts[Math.round(chart.convertFromPixel({ gridIndex: 0 }, point)[1])]);
      }
    });
    chart.on('click', (event) => {
      if (event.componentType === 'yAxis') {
        open(parts.find((p) => p.name === event.value));
      }
    });
  }

  function tagChart(element) {
    const tags = data.tags;
    const chart = sized(element, tags.length);
    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item' },
      grid: { left: 8, right: 32, top: 8, bottom: 4, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category', inverse: true,
        data: tags.map((t) => t.name),
        axisLabel: { width: 140, overflow: 'truncate' }
      },
      series: [{
        name: data.labels.residents, type: 'bar', barMaxWidth: 18,
        label: { show: true, position: 'right' },
        data: tags.map((t) => ({ value: t.count, itemStyle: { color: categoryColours[t.category] } }))
      }]
    });
  }

  function open(part) {
    if (part) {
      window.location.assign(part.href);
    }
  }

  const areas = document.getElementById('cockpit-areas');
  if (areas && data.parts.length > 0) {
    areaChart(areas);
  }
  const tags = document.getElementById('cockpit-tags');
  if (tags && data.tags.length > 0) {
    tagChart(tags);
  }
  window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));
})();
