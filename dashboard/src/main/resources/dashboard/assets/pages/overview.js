// Each service at a glance: its tiers' revisions, the lock, the rollout in flight and the judge's last word.
import {actionBar} from '../actions.js';
import {api, enc} from '../api.js';
import {empty, h} from '../dom.js';
import {fetchLine, lockLine, rolloutBlock, tiersTable, verdictWords} from '../parts.js';

export const topics = ['rollout', 'tiers', 'verdicts', 'jobs', 'commits'];

export async function render(ctx) {
  const services = await api.get('/services');
  const statuses = await Promise.all(services.map(s => api.get('/services/' + enc(s.name) + '/status')));
  if (services.length === 0) {
    return h('div', {}, h('h1', {}, 'Overview'),
      empty('No services yet. Add one with drover service add NAME --repo URL (or in the configuration file); '
        + 'its tiers, lock and rollouts appear here.'));
  }
  return h('div', {}, h('h1', {}, 'Overview'),
    h('div', {class: 'grid'}, services.map((s, i) => card(ctx, s, statuses[i]))));
}

function card(ctx, s, status) {
  return h('section', {class: 'card', 'data-service': s.name, 'aria-labelledby': 'svc-' + s.name},
    h('h2', {id: 'svc-' + s.name}, h('a', {href: '#/services/' + enc(s.name)}, s.name)),
    fetchLine(status.mirror),
    lockLine(status.lock),
    tiersTable(status.tiers),
    h('h3', {}, 'Rollout'),
    rolloutBlock(s.name, status),
    h('h3', {}, 'Last verdict'),
    verdictWords(status),
    actionBar(ctx, s.name, status));
}
