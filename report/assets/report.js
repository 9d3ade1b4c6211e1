/*
 * eventgraph report: draws the charts of the page.
 *
 * Chart options and tooltip data arrive as JSON in <script type=
 * "application/json"> elements written by the Go report package. They are
 * read with JSON.parse, so nothing in them can become code: strings such as
 * "__f__function(){...}__f__" stay strings. Every tooltip is built here by a
 * fixed formatter that escapes each field before it reaches innerHTML, and
 * any "formatter" key found in the data is dropped so that only these run.
 */
(function () {
  'use strict';

  var FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
  var ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

  function esc(value) {
    return String(value == null ? '' : value).replace(/[&<>"']/g, function (c) { return ENTITIES[c]; });
  }

  function readJSON(id) {
    var el = id && document.getElementById(id);
    return el ? JSON.parse(el.textContent) : null;
  }

  // dropFormatters removes formatter settings anywhere in the option: the
  // only formatters allowed are the functions below.
  function dropFormatters(node) {
    if (Array.isArray(node)) {
      node.forEach(dropFormatters);
    } else if (node && typeof node === 'object') {
      Object.keys(node).forEach(function (k) {
        if (k === 'formatter' || k === 'valueFormatter') {
          delete node[k];
        } else {
          dropFormatters(node[k]);
        }
      });
    }
  }

  function swatch(color) {
    // Colours come from our own palette; the check keeps anything else out.
    var c = /^#[0-9a-fA-F]{3,8}$/.test(color) ? color : '#8a8f98';
    return '<span class="tt-swatch" style="background:' + c + '"></span>';
  }

  function timelineTip(tips) {
    return function (p) {
      var t = tips[p.value && p.value[2]];
      if (!t) { return ''; }
      if (t.count) {
        // A binned dot: how many events of the lane's actor it holds.
        return '<div class="tt"><div class="tt-date">' + esc(t.date) + '</div>' +
          '<div class="tt-who">' + esc(t.source) + '</div>' +
          '<div class="tt-what">' + swatch(p.color) + '<b>' + esc(t.count) + '</b> event' + (t.count === 1 ? '' : 's') + ' ' +
          esc(t.role) + ' <span class="tt-muted">· ' + esc(t.quad) + '</span></div></div>';
      }
      var when = esc(t.date) + (t.precision && t.precision !== 'day' ? ' <span class="tt-muted">(' + esc(t.precision) + ')</span>' : '');
      var who = esc(t.source) + ' → ' + (t.target ? esc(t.target) : '<span class="tt-muted">no target</span>');
      return '<div class="tt">' +
        '<div class="tt-date">' + when + '</div>' +
        '<div class="tt-who">' + who + '</div>' +
        '<div class="tt-what">' + swatch(p.color) + '<b>' + esc(t.code) + '</b> ' + esc(t.name) +
        ' <span class="tt-muted">· ' + esc(t.quad) + '</span></div>' +
        (t.quote ? '<blockquote class="tt-quote">' + esc(t.quote) + '</blockquote>' : '') +
        '<div class="tt-src">' + esc((t.outlets || []).join(', ')) + '</div></div>';
    };
  }

  function volumeTip(params) {
    if (!params.length) { return ''; }
    var rows = params.filter(function (p) { return p.value > 0; }).map(function (p) {
      return '<tr><td>' + swatch(p.color) + esc(p.seriesName) + '</td><td class="tt-num">' + esc(p.value) + '</td></tr>';
    });
    return '<div class="tt"><div class="tt-date">' + esc(params[0].axisValueLabel) + '</div>' +
      (rows.length ? '<table class="tt-table">' + rows.join('') + '</table>' : '<div class="tt-muted">no events</div>') + '</div>';
  }

  function networkTip(view) {
    return function (p) {
      if (p.dataType === 'edge') {
        var e = view.edges[p.dataIndex];
        if (!e) { return ''; }
        var span = e.first === e.last ? esc(e.first) : esc(e.first) + ' – ' + esc(e.last);
        return '<div class="tt"><div class="tt-who">' + esc(view.nodes[e.source].label) + ' → ' + esc(view.nodes[e.target].label) + '</div>' +
          '<div class="tt-what">' + swatch(e.color) + '<b>' + esc(e.count) + '</b> event' + (e.count === 1 ? '' : 's') + ' · ' + span + '</div>' +
          '<div class="tt-src">' + (e.quads || []).map(esc).join('<br>') + '</div>' +
          '<div class="tt-muted">mean Goldstein ' + esc(e.goldstein) + '</div></div>';
      }
      var n = view.nodes[p.dataIndex];
      if (!n) { return ''; }
      var tags = [n.country, n.role].filter(Boolean).map(esc).join(' · ');
      return '<div class="tt"><div class="tt-who">' + esc(n.name) + '</div>' +
        (tags ? '<div class="tt-muted">' + tags + '</div>' : '') +
        '<div class="tt-what"><b>' + esc(n.events) + '</b> events: ' + esc(n.out) + ' as source, ' + esc(n.in) + ' as target</div>' +
        '<div class="tt-muted">' + esc(n.partners) + ' partners · betweenness ' + esc((Number(n.betweenness) || 0).toFixed(1)) + '</div></div>';
    };
  }

  var PALETTE = ['#6b5fb5', '#2f9e8f', '#8c6d46', '#c2548f', '#7f8c2d', '#4d6a85', '#b58a4c', '#8e8e8e', '#3e7c5a', '#a05a9c'];

  // graphData turns NetworkData (nodes most central first, x/y laid out
  // by the Go side) into ECharts graph data for the first `shown` nodes,
  // grouped by country or community and sized by a metric. The view it
  // returns maps ECharts' data indices back to nodes and edges.
  function graphData(data, state) {
    var nodes = data.nodes.slice(0, state.shown);
    var names = [], index = {};
    nodes.forEach(function (n) {
      var c = state.category === 'community' ? 'Community ' + n.community : (n.country || 'Unknown');
      if (!(c in index)) { index[c] = names.length; names.push(c); }
    });
    var order = names.slice().sort(function (a, b) {
      return state.category === 'community' ? parseInt(a.slice(10), 10) - parseInt(b.slice(10), 10) : (a < b ? -1 : a > b ? 1 : 0);
    });
    order.forEach(function (c, i) { index[c] = i; });
    var metric = state.metric, top = 0;
    nodes.forEach(function (n) { top = Math.max(top, Number(n[metric]) || 0); });
    var view = { nodes: nodes, edges: [] };
    var links = [];
    data.edges.forEach(function (e) {
      if (e.source < nodes.length && e.target < nodes.length) {
        view.edges.push(e);
        links.push({ source: e.source, target: e.target, value: e.count, lineStyle: {
          color: /^#[0-9a-fA-F]{6}$/.test(e.color) ? e.color : '#a8adb5',
          width: Math.min(1 + 1.5 * e.count, 8), opacity: 0.75, curveness: 0.15 } });
      }
    });
    var items = nodes.map(function (n) {
      var c = state.category === 'community' ? 'Community ' + n.community : (n.country || 'Unknown');
      var v = Number(n[metric]) || 0;
      return { name: n.label, x: n.x, y: n.y, value: v, category: index[c],
        symbolSize: Math.round(8 + 28 * Math.sqrt(top > 0 ? v / top : 0)) };
    });
    return { view: view, items: items, links: links, categories: order.map(function (c) { return { name: c }; }) };
  }

  // drawNetwork (re)draws a network chart from its data and controls.
  function drawNetwork(chart, base, data, state, controls) {
    var g = graphData(data, state);
    var option = JSON.parse(JSON.stringify(base));
    option.color = PALETTE;
    var s = option.series[0];
    s.data = g.items; s.links = g.links; s.categories = g.categories;
    option.legend = Object.assign({}, option.legend || {}, { data: g.categories.map(function (c) { return c.name; }) });
    option.tooltip.formatter = networkTip(g.view);
    chart.setOption(option, true);
    chart.eventgraphView = g.view;
    if (controls) {
      var shown = controls.querySelector('[data-control="shown"]');
      var more = controls.querySelector('[data-control="more"]');
      if (shown) { shown.textContent = 'Showing ' + g.view.nodes.length + ' of ' + data.nodes.length + ' actors'; }
      if (more) { more.hidden = g.view.nodes.length >= data.nodes.length; }
    }
  }

  // withQuery keeps the explorer's filters on links between its pages.
  function withQuery(href) {
    var q = document.body.getAttribute('data-query');
    if (!q || !href || /^[a-z]+:|^[#?\/]/i.test(href) || href.indexOf('?') >= 0) { return href; }
    var hash = href.indexOf('#');
    return hash < 0 ? href + '?' + q : href.slice(0, hash) + '?' + q + href.slice(hash);
  }

  var TOOLTIP = {
    confine: true,
    enterable: false,
    backgroundColor: '#ffffff',
    borderColor: '#cfd5dc',
    padding: [8, 10],
    textStyle: { color: '#1d232b', fontFamily: FONT, fontSize: 12 },
    extraCssText: 'max-width:380px;white-space:normal;box-shadow:0 2px 8px rgba(0,0,0,.12);border-radius:4px;'
  };

  function draw(el) {
    var option = readJSON(el.getAttribute('data-option'));
    if (!option) { return null; }
    var tips = readJSON(el.getAttribute('data-tips'));
    var kind = el.getAttribute('data-kind');
    dropFormatters(option);
    option.textStyle = { fontFamily: FONT, color: '#1d232b' };
    option.useUTC = true;
    var tip = Object.assign({}, TOOLTIP, option.tooltip && { trigger: option.tooltip.trigger });
    if (kind === 'timeline') { tip.formatter = timelineTip(tips || []); }
    if (kind === 'volume') { tip.formatter = volumeTip; }
    if (kind === 'network') {
      // A white halo keeps labels readable where they cross edges.
      (option.series || []).forEach(function (s) {
        if (s.label) { s.label.textBorderColor = '#ffffff'; s.label.textBorderWidth = 3; }
      });
    }
    option.tooltip = tip;
    var h = parseInt(el.getAttribute('data-height'), 10);
    if (h > 0) { el.style.height = h + 'px'; }

    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.on('finished', function () { el.setAttribute('data-drawn', 'true'); });
    if (kind === 'network') {
      var data = tips || { nodes: [], edges: [] };
      var controls = document.querySelector('.net-controls[data-for="' + el.id + '"]');
      var state = { category: 'country', metric: 'events', shown: parseInt(el.getAttribute('data-shown'), 10) || 40 };
      var redraw = function () { drawNetwork(chart, option, data, state, controls); };
      if (controls) {
        controls.addEventListener('change', function (ev) {
          var c = ev.target.getAttribute('data-control');
          if (c === 'category' || c === 'metric') { state[c] = ev.target.value; redraw(); }
        });
        controls.addEventListener('click', function (ev) {
          if (ev.target.getAttribute('data-control') === 'more') { state.shown += 40; redraw(); }
        });
      }
      redraw();
      chart.on('click', function (p) {
        var n = p.dataType === 'node' && chart.eventgraphView.nodes[p.dataIndex];
        if (n && /^[A-Za-z0-9_-]+\.html$/.test(n.page)) { location.href = withQuery(n.page); }
      });
      return chart;
    }
    chart.setOption(option);
    if (kind === 'timeline' && tips) {
      chart.on('click', function (p) {
        var t = tips[p.value && p.value[2]];
        if (t && /^[A-Za-z0-9_-]+\.html$/.test(t.page)) { location.href = withQuery(t.page); }
      });
    }
    return chart;
  }

  // search filters the event list by every word typed, over the text of
  // each row (actors, codes, places, quotes, outlets).
  function search(input) {
    var rows = Array.prototype.slice.call(document.querySelectorAll('table.events tbody tr'));
    var text = rows.map(function (r) { return r.textContent.toLowerCase(); });
    var count = document.getElementById('rows-shown');
    input.addEventListener('input', function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var n = 0;
      rows.forEach(function (r, i) {
        var ok = words.every(function (w) { return text[i].indexOf(w) >= 0; });
        r.hidden = !ok;
        if (ok) { n++; }
      });
      if (count) { count.textContent = words.length ? n + ' of ' + rows.length : String(rows.length); }
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll('a[href]'), function (a) {
    a.setAttribute('href', withQuery(a.getAttribute('href')));
  });
  var box = document.getElementById('search');
  if (box) { search(box); }

  var charts = [];
  Array.prototype.forEach.call(document.querySelectorAll('.chart[data-option]'), function (el) {
    var c = draw(el);
    if (c) { charts.push(c); }
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  // Exposed for the browser test, which opens tooltips through the API.
  window.eventgraphCharts = charts;
  window.eventgraph = { esc: esc, graphData: graphData, drawNetwork: drawNetwork, networkTip: networkTip, withQuery: withQuery, TOOLTIP: TOOLTIP, FONT: FONT, swatch: swatch };
})();
