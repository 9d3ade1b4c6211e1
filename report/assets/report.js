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

  function networkTip(tips) {
    return function (p) {
      if (p.dataType === 'edge') {
        var e = tips.edges[p.dataIndex];
        if (!e) { return ''; }
        var span = e.first === e.last ? esc(e.first) : esc(e.first) + ' – ' + esc(e.last);
        return '<div class="tt"><div class="tt-who">' + esc(e.source) + ' → ' + esc(e.target) + '</div>' +
          '<div class="tt-what"><b>' + esc(e.count) + '</b> event' + (e.count === 1 ? '' : 's') + ' · ' + span + '</div>' +
          '<div class="tt-src">' + (e.quads || []).map(esc).join('<br>') + '</div>' +
          '<div class="tt-muted">mean Goldstein ' + esc(e.goldstein) + '</div></div>';
      }
      var n = tips.nodes[p.dataIndex];
      if (!n) { return ''; }
      var tags = [n.country, n.role].filter(Boolean).map(esc).join(' · ');
      return '<div class="tt"><div class="tt-who">' + esc(n.name) + '</div>' +
        (tags ? '<div class="tt-muted">' + tags + '</div>' : '') +
        '<div class="tt-what"><b>' + esc(n.events) + '</b> events: ' + esc(n.out) + ' as source, ' + esc(n.in) + ' as target</div></div>';
    };
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
      tip.formatter = networkTip(tips || { nodes: [], edges: [] });
      // Lay the graph out before the first paint: a settled picture reads
      // (and prints, and screenshots) better than one that drifts.
      // A white halo keeps labels readable where they cross edges.
      (option.series || []).forEach(function (s) {
        if (s.force) { s.force.layoutAnimation = false; }
        if (s.label) { s.label.textBorderColor = '#ffffff'; s.label.textBorderWidth = 3; }
      });
    }
    option.tooltip = tip;
    var h = parseInt(el.getAttribute('data-height'), 10);
    if (h > 0) { el.style.height = h + 'px'; }

    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.on('finished', function () { el.setAttribute('data-drawn', 'true'); });
    chart.setOption(option);
    if (kind === 'timeline' && tips) {
      chart.on('click', function (p) {
        var t = tips[p.value && p.value[2]];
        if (t && t.id) { location.hash = '#' + encodeURIComponent(t.id); }
      });
    }
    return chart;
  }

  var charts = [];
  Array.prototype.forEach.call(document.querySelectorAll('.chart[data-option]'), function (el) {
    var c = draw(el);
    if (c) { charts.push(c); }
  });
  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  // Exposed for the browser test, which opens tooltips through the API.
  window.eventgraphCharts = charts;
})();
