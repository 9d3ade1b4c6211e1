/*
 * eventgraph explorer: the linked views of explore.html.
 *
 * Data comes from the explorer's own API (/api/events, /api/graph) with the
 * page's filters, as JSON; it is never inserted as markup. Tooltips use the
 * escaping formatters of report.js (window.eventgraph).
 *
 *  - brushing a period on the timeline redraws the network for that period;
 *  - clicking an actor in the network redraws the timeline for that actor;
 *  - the slider steps a window through time, and Play runs it.
 */
(function () {
  'use strict';
  var EG = window.eventgraph;
  var DAY = 86400000;
  var QUADS = ['Unclassified', 'Verbal cooperation', 'Material cooperation', 'Verbal conflict', 'Material conflict'];
  var COLORS = ['#8a8f98', '#6f9fd8', '#1f5fa8', '#e0a030', '#c0392b'];
  var query = document.body.getAttribute('data-query') || '';

  function api(path, extra) {
    var params = new URLSearchParams(query);
    Object.keys(extra || {}).forEach(function (k) {
      params.delete(k);
      if (extra[k] !== '') { params.set(k, extra[k]); }
    });
    var qs = params.toString();
    return fetch(path + (qs ? '?' + qs : ''), { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error(path + ': HTTP ' + r.status); }
      return r.json();
    });
  }

  function day(ms) { return new Date(ms).toISOString().slice(0, 10); }

  function parseDay(s) { return Date.parse((s.length === 4 ? s + '-01-01' : s.length === 7 ? s + '-01' : s) + 'T00:00:00Z'); }

  // span gives the first and last day an event date covers, in ms.
  function span(e) {
    var a = parseDay(e.date), b = a;
    if (e.precision === 'range' && e.end) { b = parseDay(e.end); }
    if (e.precision === 'month') { var d = new Date(a); b = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0); }
    if (e.precision === 'year') { b = Date.UTC(new Date(a).getUTCFullYear(), 11, 31); }
    return [a, b];
  }

  function label(a) { return a ? a.name + (a.code ? ' (' + a.code + ')' : '') : ''; }

  var tlEl = document.getElementById('x-timeline');
  var netEl = document.getElementById('x-network');
  tlEl.style.height = tlEl.getAttribute('data-height') + 'px';
  netEl.style.height = netEl.getAttribute('data-height') + 'px';
  var timeline = echarts.init(tlEl, null, { renderer: 'canvas' });
  var network = echarts.init(netEl, null, { renderer: 'canvas' });
  timeline.on('finished', function () { tlEl.setAttribute('data-drawn', 'true'); });
  network.on('finished', function () { netEl.setAttribute('data-drawn', 'true'); });
  window.eventgraphCharts = (window.eventgraphCharts || []).concat([timeline, network]);
  window.addEventListener('resize', function () { timeline.resize(); network.resize(); });

  var netBase = JSON.parse(document.getElementById('x-network-option').textContent);
  (netBase.series || []).forEach(function (s) {
    if (s.label) { s.label.textBorderColor = '#ffffff'; s.label.textBorderWidth = 3; }
  });
  netBase.tooltip = Object.assign({}, EG.TOOLTIP, { trigger: 'item' });
  netBase.textStyle = { fontFamily: EG.FONT, color: '#1d232b' };
  var netControls = document.querySelector('.net-controls[data-for="x-network"]');
  var netState = { category: 'country', metric: 'events', shown: 40 };
  var netData = { nodes: [], edges: [] };
  var state = { range: null, actor: null, all: [] };

  function drawNetwork() {
    EG.drawNetwork(network, netBase, netData, netState, netControls);
    netEl.setAttribute('data-nodes', String(netData.nodes.length));
    document.getElementById('x-network-count').textContent = netData.nodes.length + ' actors, ' + netData.edges.length + ' relations' +
      (state.range ? ', ' + day(state.range[0]) + ' – ' + day(state.range[1]) : ', whole period');
  }

  function loadNetwork() {
    var extra = state.range ? { from: day(state.range[0]), to: day(state.range[1]) } : {};
    netEl.removeAttribute('data-nodes');
    return api('api/graph', extra).then(function (d) { netData = d; drawNetwork(); }).catch(report);
  }

  netControls.addEventListener('change', function (ev) {
    var c = ev.target.getAttribute('data-control');
    if (c === 'category' || c === 'metric') { netState[c] = ev.target.value; drawNetwork(); }
  });
  netControls.addEventListener('click', function (ev) {
    if (ev.target.getAttribute('data-control') === 'more') { netState.shown += 40; drawNetwork(); }
  });

  // The timeline: one lane per busiest actor, colour by QuadClass, size by
  // number of outlets; the brush picks a period.
  function timelineOption(events) {
    var count = {};
    events.forEach(function (e) {
      [e.source, e.target].forEach(function (a) { if (a) { count[label(a)] = (count[label(a)] || 0) + 1; } });
    });
    var lanes = Object.keys(count).sort(function (a, b) { return count[b] - count[a] || (a < b ? -1 : 1); }).slice(0, 12);
    var other = Object.keys(count).length > lanes.length;
    if (other) { lanes.push('Other actors'); }
    var laneOf = function (a) { var i = lanes.indexOf(label(a)); return i < 0 ? lanes.length - 1 : i; };
    var series = QUADS.map(function (name, q) {
      return { name: name, type: 'scatter', data: [], itemStyle: { color: COLORS[q], borderColor: '#fff', borderWidth: 1, opacity: 0.9 } };
    });
    events.forEach(function (e, i) {
      if (!e.date) { return; }
      var s = span(e), x = (s[0] + s[1] + DAY) / 2;
      var size = Math.round(4 + 7 * Math.sqrt(Math.max(e.sources, 1)));
      series[e.quad >= 1 && e.quad <= 4 ? e.quad : 0].data.push({ value: [x, laneOf(e.source), i], symbolSize: size });
    });
    return {
      animation: false, useUTC: true, textStyle: { fontFamily: EG.FONT, color: '#1d232b' },
      grid: { left: 8, right: 24, top: 36, bottom: 24, containLabel: true },
      legend: { top: 0, left: 0, icon: 'circle', data: QUADS.slice(1) },
      tooltip: Object.assign({}, EG.TOOLTIP, { trigger: 'item', formatter: function (p) {
        var e = events[p.value && p.value[2]];
        if (!e) { return ''; }
        var m = (e.mentions || [])[0] || {};
        return '<div class="tt"><div class="tt-date">' + EG.esc(e.date) + (e.precision !== 'day' ? ' <span class="tt-muted">(' + EG.esc(e.precision) + ')</span>' : '') + '</div>' +
          '<div class="tt-who">' + EG.esc(label(e.source)) + ' → ' + (e.target ? EG.esc(label(e.target)) : '<span class="tt-muted">no target</span>') + '</div>' +
          '<div class="tt-what">' + EG.swatch(p.color) + '<b>' + EG.esc(e.cameo) + '</b> ' + EG.esc(e.name) + '</div>' +
          (m.sentence ? '<blockquote class="tt-quote">' + EG.esc(m.sentence) + '</blockquote>' : '') +
          '<div class="tt-src">' + EG.esc((e.outlets || []).join(', ')) + '</div></div>';
      } }),
      toolbox: { right: 0, top: 0, feature: { brush: { type: ['lineX', 'clear'], title: { lineX: 'Pick a period', clear: 'Whole period' } } } },
      brush: { xAxisIndex: 0, brushMode: 'single', brushType: 'lineX', throttleType: 'debounce', throttleDelay: 250,
        brushStyle: { color: 'rgba(31,95,168,0.12)', borderColor: 'rgba(31,95,168,0.6)', borderWidth: 1 } },
      xAxis: { type: 'time', minInterval: DAY, splitLine: { show: true } },
      yAxis: { type: 'category', data: lanes, inverse: true, splitLine: { show: true }, axisLabel: { width: 200, overflow: 'truncate' } },
      series: series
    };
  }

  var shown = [];
  function drawTimeline(events) {
    shown = events;
    timeline.setOption(timelineOption(events), true);
    timeline.dispatchAction({ type: 'takeGlobalCursor', key: 'brush', brushOption: { brushType: 'lineX', brushMode: 'single' } });
    tlEl.setAttribute('data-events', String(events.length));
    document.getElementById('x-timeline-count').textContent = events.length + ' events';
  }

  function loadTimeline() {
    tlEl.removeAttribute('data-events');
    // The API pages its answers; the timeline takes the largest page,
    // which is as many points as it can draw legibly. A point's tooltip
    // quotes one sentence and lists the outlets of the whole event, so
    // one mention per event is enough.
    var base = { limit: 5000, mentions: 1 };
    var extra = state.actor ? Object.assign({ actor: state.actor.id, between: '' }, base) : base;
    return api('api/events', extra).then(function (events) {
      if (!state.actor) { state.all = events; setupSlider(); }
      drawTimeline(events);
      var st = document.getElementById('x-actor-status');
      st.textContent = state.actor ? 'Timeline: events of ' + state.actor.name + '.' : '';
      document.getElementById('x-all-events').hidden = !state.actor;
    }).catch(report);
  }

  // Brushing: the period picked on the timeline filters the network.
  timeline.on('brush', function (p) {
    var area = (p.areas || [])[0];
    var r = area && area.coordRange;
    setRange(r && r.length === 2 ? [Math.min(r[0], r[1]), Math.max(r[0], r[1])] : null);
  });

  var pending = null;
  function setRange(r) {
    var same = (r === null && state.range === null) || (r && state.range && r[0] === state.range[0] && r[1] === state.range[1]);
    if (same) { return; }
    state.range = r;
    document.getElementById('x-range').textContent = r ? day(r[0]) + ' – ' + day(r[1]) : 'whole period';
    clearTimeout(pending);
    netEl.removeAttribute('data-nodes');
    pending = setTimeout(loadNetwork, 150);
  }

  // Clicking a node: the timeline shows that actor's events.
  network.on('click', function (p) {
    var n = p.dataType === 'node' && network.eventgraphView && network.eventgraphView.nodes[p.dataIndex];
    if (!n) { return; }
    state.actor = { id: n.id, name: n.label };
    loadTimeline();
  });
  document.getElementById('x-all-events').addEventListener('click', function () { state.actor = null; loadTimeline(); });
  document.getElementById('x-clear-range').addEventListener('click', function () {
    timeline.dispatchAction({ type: 'brush', areas: [] });
    setRange(null);
  });

  // The slider steps a window of N months from the first event to the last.
  var slider = document.getElementById('x-slider');
  var windowSel = document.getElementById('x-window');
  var bounds = null;
  function setupSlider() {
    var lo = Infinity, hi = -Infinity;
    state.all.forEach(function (e) { if (e.date) { var s = span(e); lo = Math.min(lo, s[0]); hi = Math.max(hi, s[1]); } });
    if (lo === Infinity) { bounds = null; slider.max = 0; return; }
    var d = new Date(lo);
    bounds = { start: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1), end: hi };
    var months = (new Date(hi).getUTCFullYear() - d.getUTCFullYear()) * 12 + new Date(hi).getUTCMonth() - d.getUTCMonth();
    slider.max = String(Math.max(0, Math.ceil((months + 1) / parseInt(windowSel.value, 10)) - 1));
    slider.value = '0';
  }
  function windowAt(i) {
    var n = parseInt(windowSel.value, 10), d = new Date(bounds.start);
    var a = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + i * n, 1);
    var b = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + (i + 1) * n, 1) - DAY;
    return [a, b];
  }
  function showWindow() {
    if (!bounds) { return; }
    var r = windowAt(parseInt(slider.value, 10));
    timeline.dispatchAction({ type: 'brush', areas: [{ brushType: 'lineX', xAxisIndex: 0, coordRange: r }] });
    setRange(r);
  }
  slider.addEventListener('input', showWindow);
  windowSel.addEventListener('change', function () { setupSlider(); showWindow(); });
  var timer = null;
  var play = document.getElementById('x-play');
  play.addEventListener('click', function () {
    if (timer) { clearInterval(timer); timer = null; play.textContent = 'Play'; return; }
    play.textContent = 'Pause';
    if (parseInt(slider.value, 10) >= parseInt(slider.max, 10)) { slider.value = '0'; }
    showWindow();
    timer = setInterval(function () {
      if (parseInt(slider.value, 10) >= parseInt(slider.max, 10)) { clearInterval(timer); timer = null; play.textContent = 'Play'; return; }
      slider.value = String(parseInt(slider.value, 10) + 1);
      showWindow();
    }, 1500);
  });

  function report(err) { console.error('eventgraph explorer: ' + err.message); }

  loadTimeline();
  loadNetwork();
})();
