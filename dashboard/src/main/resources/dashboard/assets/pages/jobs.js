// A service's jobs, filtered by tier, revision, arm, failure class and time; the filters live in the address.
import {api, enc, q} from '../api.js';
import {badge, empty, h, millis, money} from '../dom.js';
import {serviceSelect} from '../parts.js';
import {when} from '../time.js';

export const topics = ['jobs'];
export const service = ctx => ctx.query.get('service');

const FILTERS = ['tier', 'revision', 'arm', 'outcome', 'status', 'since'];
const OUTCOMES = ['succeeded', 'code', 'timeout', 'oom', 'spot-interruption', 'agent-lost', 'infra', 'cancelled'];

export async function render(ctx) {
  const services = await api.get('/services');
  if (services.length === 0) {
    return h('div', {}, h('h1', {}, 'Jobs'), empty('No services yet: jobs appear here once a service runs work.'));
  }
  const name = ctx.query.get('service') || services[0].name;
  const filters = Object.fromEntries(FILTERS.map(f => [f, ctx.query.get(f) || '']));
  const sinceIso = filters.since ? new Date(filters.since).toISOString() : '';
  const [jobs, status] = await Promise.all([
    api.get('/services/' + enc(name) + '/jobs' + q({...filters, since: sinceIso, limit: 200})),
    api.get('/services/' + enc(name) + '/status')]);
  const go = changes => {
    const next = {service: name, ...filters, ...changes};
    location.hash = '#/jobs' + q(next);
  };
  const tiers = status.tiers.map(t => t.tier);
  const form = h('form', {class: 'filters', role: 'search', 'aria-label': 'Filter jobs'},
    serviceSelect(services, name, s => go({service: s, tier: '', revision: ''})),
    choice('tier', 'Tier', tiers, filters.tier),
    h('label', {for: 'f-revision'}, 'Revision', h('input', {id: 'f-revision', name: 'revision', type: 'number', min: 1,
      value: filters.revision})),
    choice('arm', 'Arm', ['candidate', 'baseline', 'stable', 'pinned'], filters.arm),
    choice('outcome', 'Class', OUTCOMES, filters.outcome),
    choice('status', 'Status', ['queued', 'running', 'succeeded', 'failed', 'cancelled'], filters.status),
    h('label', {for: 'f-since'}, 'Submitted since', h('input', {id: 'f-since', name: 'since', type: 'datetime-local',
      value: filters.since})),
    h('button', {type: 'submit', id: 'f-apply'}, 'Filter'),
    h('a', {href: '#/jobs' + q({service: name})}, 'Clear'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const data = new FormData(form);
    go(Object.fromEntries(FILTERS.map(f => [f, data.get(f) || ''])));
  });
  for (const select of form.querySelectorAll('select:not(#service)')) {
    select.addEventListener('change', () => form.requestSubmit());
  }
  return h('div', {}, h('h1', {}, 'Jobs'), h('section', {class: 'card'}, form,
    jobs.length === 0 ? empty('No jobs match. Jobs appear here when work is submitted (drover submit ' + name
      + ') or a rollout replays recent jobs on its canary.')
      : [h('p', {class: 'muted'}, jobs.length === 200 ? 'The newest 200 jobs that match.' : jobs.length + ' jobs.'),
        jobTable(jobs)]));
}

function choice(name, label, values, chosen) {
  return h('label', {for: 'f-' + name}, label, h('select', {id: 'f-' + name, name},
    h('option', {value: ''}, 'any'), values.map(v => h('option', {value: v, selected: v === chosen}, v))));
}

function jobTable(jobs) {
  return h('div', {class: 'table-wrap'}, h('table', {},
    h('caption', {class: 'sr-only'}, 'Jobs'),
    h('thead', {}, h('tr', {}, ['Job', 'Tier', 'Revision', 'Arm', 'Status', 'Class', 'Attempts', 'Duration', 'Cost', 'Submitted']
      .map((t, i) => h('th', {scope: 'col', class: i >= 6 && i <= 8 ? 'num' : i === 9 ? 'hide-narrow' : null}, t)))),
    h('tbody', {}, jobs.map(j => h('tr', {},
      h('td', {}, h('a', {href: '#/jobs/' + enc(j.id)}, h('code', {}, j.id.slice(0, 12)))),
      h('td', {}, j.tier || '—'),
      h('td', {}, j.revision ?? '—'),
      h('td', {}, j.arm ? badge(j.arm === 'candidate' ? 'candidate' : 'none', j.arm) : '—'),
      h('td', {}, badge(j.status)),
      h('td', {}, j.outcome ? badge(j.outcome) : '—'),
      h('td', {class: 'num'}, String(j.attempts)),
      h('td', {class: 'num'}, millis(j.durationMillis)),
      h('td', {class: 'num'}, money(j.cost)),
      h('td', {class: 'hide-narrow'}, when(j.submittedAt)))))));
}
