// One rollout: its stages, and for the chosen stage each tier's candidate beside its baseline, with the
// judge's verdict and evidence per gate.
import {api, enc} from '../api.js';
import {badge, bytes, empty, h, millis, money, percent, section, table} from '../dom.js';
import {when} from '../time.js';
import {timeline} from './service.js';

export const topics = ['rollout', 'verdicts', 'jobs', 'tiers'];
export const service = ctx => ctx.args[0];

export async function render(ctx) {
  const [name, id] = ctx.args;
  const base = '/services/' + enc(name) + '/rollouts/' + id;
  const detail = await api.get(base);
  const r = detail.rollout;
  const started = detail.stages.map(s => s.stage);
  const chosen = Number(ctx.query.get('stage')) || (started.length ? Math.max(...started) : null);
  const comparison = chosen === null ? null : await api.get(base + '/comparison?stage=' + chosen);
  const stage = detail.stages.find(s => s.stage === chosen);
  return h('div', {},
    h('h1', {}, name + ': rollout #' + r.id),
    section('Rollout',
      h('p', {class: 'row'}, badge(r.state), 'Revision ' + r.revision + (r.fromRevision ? ' replacing ' + r.fromRevision : ''),
        r.automatic ? h('span', {class: 'muted'}, 'started on its own') : null,
        r.forced ? badge('locked', 'forced') : null),
      h('p', {}, 'Requested ', when(r.requestedAt), r.requestedBy ? ' by ' + r.requestedBy : '',
        r.reason ? ' — “' + r.reason + '”' : ''),
      r.startedAt ? h('p', {}, 'Started ', when(r.startedAt), r.finishedAt ? [' · ended ', when(r.finishedAt)] : '') : null,
      r.note ? h('p', {class: 'muted'}, r.note) : null,
      timeline(name, detail)),
    chosen === null ? section('Stages', empty('The rollout has not started a stage yet: its comparison appears here once the canary runs.'))
      : [stageTabs(name, r.id, detail, chosen), stageSection(ctx, stage, comparison)]);
}

function stageTabs(name, id, detail, chosen) {
  return h('nav', {class: 'row', 'aria-label': 'Stages'}, detail.stages.map(s =>
    h('a', {href: '#/services/' + enc(name) + '/rollouts/' + id + '?stage=' + s.stage,
      'aria-current': s.stage === chosen ? 'page' : null}, 'Stage ' + s.stage + ' (' + s.tiers.join(', ') + ')')));
}

function stageSection(ctx, stage, comparison) {
  const verdicts = new Map((stage ? stage.verdicts : []).map(v => [v.tier, v]));
  return comparison.tiers.map(t => section('Stage ' + comparison.stage + ' · ' + t.tier,
    h('p', {class: 'row'}, 'Verdict ', verdicts.has(t.tier) ? badge(verdicts.get(t.tier).state)
      : badge('pending', 'not judged yet'), stage && stage.outcome ? h('span', {class: 'muted'}, 'stage ' + stage.outcome) : null),
    compareTable(t),
    durationChart(ctx, t),
    h('h3', {}, 'Evidence per gate'),
    gateTable(verdicts.get(t.tier))));
}

function arm(a) {
  return a || {};
}

function compareTable(t) {
  const c = arm(t.candidate);
  const b = arm(t.baseline);
  const rate = a => a.judged ? percent(a.failureRate) + ' (95%: ' + percent(a.failureLow) + '–' + percent(a.failureHigh) + ')' : '—';
  const q = (a, key) => a.duration ? millis(a.duration[key]) : '—';
  const rows = [
    ['Revision', a => a.revision ?? '—'],
    ['Jobs judged (running)', a => a.judged === undefined ? '—' : a.judged + ' (' + a.running + ')'],
    ['Code failures', a => a.judged === undefined ? '—' : a.codeFailures + ' · ' + rate(a)],
    ['Infrastructure failures', a => a.infraFailures ?? '—'],
    ['Duration p50', a => q(a, 'p50')], ['Duration p90', a => q(a, 'p90')],
    ['Duration p95', a => q(a, 'p95')], ['Duration p99', a => q(a, 'p99')],
    ['Peak memory p50', a => a.memoryPeakBytes ? bytes(a.memoryPeakBytes.p50) : '—'],
    ['Peak memory p95', a => a.memoryPeakBytes ? bytes(a.memoryPeakBytes.p95) : '—'],
    ['Cost per job', a => money(a.costPerJob)],
  ];
  return h('div', {class: 'table-wrap compare'}, h('table', {},
    h('caption', {class: 'sr-only'}, 'Candidate against baseline on ' + t.tier),
    h('thead', {}, h('tr', {}, h('th', {scope: 'col'}, 'Measure'), h('th', {scope: 'col'}, 'Candidate'),
      h('th', {scope: 'col'}, t.baseline ? 'Baseline' : 'Baseline (none: first revision)'))),
    h('tbody', {}, rows.map(([label, f]) => h('tr', {}, h('th', {scope: 'row'}, label),
      h('td', {}, String(f(c))), h('td', {}, t.baseline ? String(f(b)) : '—'))))));
}

/** The two arms' duration distributions as cumulative curves: a slower candidate sits to the right. */
function durationChart(ctx, t) {
  const arms = [['Candidate', t.candidate, '#c2410c'], ['Baseline', t.baseline, '#1f5fbf']]
    .filter(([, a]) => a && a.durationsMillis && a.durationsMillis.length > 0);
  if (arms.length === 0) return empty('No successful jobs yet: the duration distributions appear here as jobs finish.');
  const canvas = h('canvas', {role: 'img', 'aria-label': 'Cumulative distribution of job durations, candidate and baseline'});
  const box = h('div', {class: 'chart'}, canvas);
  ctx.chart(canvas, {
    type: 'line',
    data: {datasets: arms.map(([label, a, color]) => {
      const sorted = [...a.durationsMillis].sort((x, y) => x - y);
      return {label: label + ' (' + sorted.length + ')', borderColor: color, backgroundColor: color, stepped: true,
        pointRadius: 0, data: sorted.map((v, i) => ({x: v / 1000, y: (i + 1) / sorted.length}))};
    })},
    options: {animation: false, maintainAspectRatio: false, parsing: false,
      scales: {x: {type: 'linear', title: {display: true, text: 'duration (s)'}},
        y: {min: 0, max: 1, title: {display: true, text: 'share of jobs done'}}}},
  });
  return h('figure', {}, box, h('figcaption', {class: 'muted'}, 'Duration distribution (cumulative): further right is slower.'));
}

function gateTable(verdict) {
  if (!verdict || verdict.gates.length === 0) return empty('No verdict yet: gates report once jobs finish on both arms.');
  const count = a => !a ? '—' : a.events === null || a.events === undefined ? String(a.n) : a.events + ' of ' + a.n;
  return table([
    {title: 'Gate', cell: g => h('strong', {}, g.gate)},
    {title: 'State', cell: g => badge(g.state)},
    {title: 'Candidate', cls: 'num', cell: g => count(g.candidate)},
    {title: 'Baseline', cls: 'num', cell: g => count(g.baseline)},
    {title: 'Evidence', cell: g => [g.sentence || g.reason || '',
      g.statistic !== null && g.statistic !== undefined ? h('div', {class: 'muted'}, 'statistic ' + fmt(g.statistic)
        + (g.threshold !== null && g.threshold !== undefined ? ' · threshold ' + fmt(g.threshold) : '')
        + (g.estimate !== null && g.estimate !== undefined ? ' · estimate ' + fmt(g.estimate) : '')) : null]},
  ], verdict.gates, 'Gates and their evidence');
}

function fmt(x) {
  return Math.abs(x) >= 1000 || (Math.abs(x) < 0.01 && x !== 0) ? Number(x).toExponential(2) : Number(x).toFixed(3);
}
