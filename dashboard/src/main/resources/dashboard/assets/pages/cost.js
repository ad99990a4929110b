// What a service's work cost: per day by revision, per revision and tier, and how much went on failed
// and interrupted attempts.
import {api, enc, q} from '../api.js';
import {empty, h, money, section, table} from '../dom.js';
import {serviceSelect} from '../parts.js';

export const topics = ['jobs'];
export const service = ctx => ctx.query.get('service');

const PALETTE = ['#1f5fbf', '#c2410c', '#17703a', '#7c3aed', '#b45309', '#0e7490', '#be185d', '#4b5563'];

export async function render(ctx) {
  const services = await api.get('/services');
  if (services.length === 0) {
    return h('div', {}, h('h1', {}, 'Cost'), empty('No services yet: the cost of their jobs appears here.'));
  }
  const name = ctx.query.get('service') || services[0].name;
  const days = Number(ctx.query.get('days')) || 14;
  const report = await api.get('/services/' + enc(name) + '/cost' + q({days}));
  const go = changes => { location.hash = '#/cost' + q({service: name, days, ...changes}); };
  const daysSelect = h('select', {id: 'c-days', name: 'days'}, [1, 7, 14, 30, 90].map(d =>
    h('option', {value: d, selected: d === days}, d === 1 ? 'last day' : 'last ' + d + ' days')));
  daysSelect.addEventListener('change', () => go({days: daysSelect.value}));
  const controls = h('div', {class: 'filters'}, serviceSelect(services, name, s => go({service: s})),
    h('label', {for: 'c-days'}, 'Period', daysSelect));
  const cur = report.currency || 'USD';
  if (report.rows.length === 0) {
    return h('div', {}, h('h1', {}, 'Cost'), h('section', {class: 'card'}, controls,
      empty('No finished attempts in this period: each attempt\'s cost (its run time at its target\'s price) appears here.')));
  }
  const dayList = [...new Set(report.rows.map(r => r.day))].sort();
  const revisions = [...new Set(report.rows.map(r => r.revision))].sort((a, b) => a - b);
  const sum = (rows, f) => rows.reduce((t, r) => t + f(r), 0);
  const byDayRev = (d, rev) => sum(report.rows.filter(r => r.day === d && r.revision === rev), r => r.cost);
  const byDay = (d, f) => sum(report.rows.filter(r => r.day === d), f);

  const perRevision = h('canvas', {role: 'img', 'aria-label': 'Cost per day, by revision'});
  ctx.chart(perRevision, {type: 'bar', data: {labels: dayList, datasets: revisions.map((rev, i) => ({
    label: 'revision ' + rev, backgroundColor: PALETTE[i % PALETTE.length], data: dayList.map(d => byDayRev(d, rev))}))},
  options: options(cur)});
  const tiers = [...new Set(report.rows.map(r => r.tier))].sort();
  const perTier = h('canvas', {role: 'img', 'aria-label': 'Cost per day, by tier'});
  ctx.chart(perTier, {type: 'bar', data: {labels: dayList, datasets: tiers.map((tier, i) => ({
    label: tier, backgroundColor: PALETTE[(i + 3) % PALETTE.length],
    data: dayList.map(d => sum(report.rows.filter(r => r.day === d && r.tier === tier), r => r.cost))}))},
  options: options(cur)});
  const waste = h('canvas', {role: 'img', 'aria-label': 'Cost per day: useful, failed and interrupted work'});
  ctx.chart(waste, {type: 'bar', data: {labels: dayList, datasets: [
    {label: 'succeeded', backgroundColor: '#17703a', data: dayList.map(d => byDay(d, r => r.cost - r.failedCost - r.interruptedCost))},
    {label: 'failed', backgroundColor: '#b3261e', data: dayList.map(d => byDay(d, r => r.failedCost))},
    {label: 'interrupted', backgroundColor: '#b45309', data: dayList.map(d => byDay(d, r => r.interruptedCost))},
  ]}, options: options(cur)});

  const groups = new Map();
  for (const r of report.rows) {
    const key = r.revision + '/' + r.tier;
    const g = groups.get(key) || {revision: r.revision, tier: r.tier, attempts: 0, cost: 0, failedCost: 0, interruptedCost: 0};
    g.attempts += r.attempts; g.cost += r.cost; g.failedCost += r.failedCost; g.interruptedCost += r.interruptedCost;
    groups.set(key, g);
  }
  return h('div', {}, h('h1', {}, 'Cost'),
    h('section', {class: 'card'}, controls,
      h('p', {class: 'row', 'data-test': 'cost-totals'}, h('strong', {}, 'Total ' + money(report.total, cur)),
        h('span', {}, 'failed work ' + money(report.failed, cur)), h('span', {}, 'interrupted work ' + money(report.interrupted, cur)))),
    h('div', {class: 'grid'},
      section('Per day, by revision', h('div', {class: 'chart'}, perRevision)),
      section('Per day, by tier', h('div', {class: 'chart'}, perTier)),
      section('Per day: useful, failed, interrupted', h('div', {class: 'chart'}, waste))),
    section('Per revision and tier', table([
      {title: 'Revision', cls: 'num', cell: g => String(g.revision)},
      {title: 'Tier', cell: g => g.tier},
      {title: 'Attempts', cls: 'num', cell: g => String(g.attempts)},
      {title: 'Cost', cls: 'num', cell: g => money(g.cost, cur)},
      {title: 'Failed', cls: 'num', cell: g => money(g.failedCost, cur)},
      {title: 'Interrupted', cls: 'num', cell: g => money(g.interruptedCost, cur)},
    ], [...groups.values()].sort((a, b) => a.revision - b.revision || a.tier.localeCompare(b.tier)), 'Cost per revision and tier')));
}

function options(currency) {
  return {animation: false, maintainAspectRatio: false,
    scales: {x: {stacked: true}, y: {stacked: true, title: {display: true, text: currency}}}};
}
