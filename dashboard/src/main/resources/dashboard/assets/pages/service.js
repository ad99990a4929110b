// One service: lock and tiers, the stage timeline of its current and recent rollouts, the commit queue and revisions.
import {actionBar} from '../actions.js';
import {api, enc} from '../api.js';
import {badge, empty, h, section, shortSha, table} from '../dom.js';
import {fetchLine, lockLine, rolloutBlock, tiersTable, verdictWords} from '../parts.js';
import {when} from '../time.js';

export const topics = ['rollout', 'tiers', 'verdicts', 'commits', 'jobs'];
export const service = ctx => ctx.args[0];

export async function render(ctx) {
  const name = ctx.args[0];
  const base = '/services/' + enc(name);
  const [status, rollouts, commits, revisions] = await Promise.all([
    api.get(base + '/status'), api.get(base + '/rollouts?limit=5'), api.get(base + '/commits?limit=30'),
    api.get(base + '/revisions?limit=20')]);
  const details = await Promise.all(rollouts.map(r => api.get(base + '/rollouts/' + r.id)));
  return h('div', {},
    h('h1', {}, name),
    section('Now', fetchLine(status.mirror), lockLine(status.lock), tiersTable(status.tiers), rolloutBlock(name, status),
      h('h3', {}, 'Last verdict'), verdictWords(status), actionBar(ctx, name, status)),
    section('Rollouts', details.length === 0 ? empty('No rollouts yet: each green revision is rolled out here, stage by stage.')
      : details.map(d => timeline(name, d))),
    section('Commit queue', commitTable(commits)),
    section('Revisions', revisionTable(revisions, rollouts, status.tiers)));
}

/** A rollout's stages in order, each coloured by how it ended, the one running marked as such. */
export function timeline(name, detail) {
  const r = detail.rollout;
  const ran = new Map(detail.stages.map(s => [s.stage, s]));
  return h('div', {class: 'rollout-timeline'},
    h('div', {class: 'row'}, h('a', {href: '#/services/' + enc(name) + '/rollouts/' + r.id},
      'Rollout #' + r.id + ' of revision ' + r.revision), badge(r.state), when(r.requestedAt),
      h('span', {class: 'muted'}, r.requestedBy ? 'by ' + r.requestedBy : '')),
    detail.plan.length === 0 ? h('p', {class: 'muted'}, r.note || 'Queued: its stages are planned when it starts.')
      : h('ol', {class: 'timeline', 'aria-label': 'Stages of rollout ' + r.id}, detail.plan.map(p => {
        const s = ran.get(p.stage);
        const state = s ? (s.outcome || 'running') : 'planned';
        return h('li', {class: state},
          h('strong', {}, 'Stage ' + p.stage), ' ', h('span', {class: 'sr-only'}, state), h('br'),
          p.tiers.join(', '), h('br'),
          h('span', {class: 'muted'}, s ? state + (s.endedAt ? '' : ' since ') : 'planned'),
          s && !s.endedAt ? when(s.startedAt) : null);
      })));
}

function commitTable(commits) {
  if (commits.length === 0) return empty('No commits seen yet: pushes to the branch (webhook or polling) appear here.');
  return table([
    {title: 'Commit', cell: c => h('code', {title: c.sha}, shortSha(c.sha))},
    {title: 'Message', cell: c => c.subject},
    {title: 'Author', cls: 'hide-narrow', cell: c => c.author},
    {title: 'Status', cell: c => [badge(c.status), c.statusDetail ? h('div', {class: 'muted'}, detail(c)) : null]},
    {title: 'Seen', cls: 'hide-narrow', cell: c => when(c.recordedAt)},
  ], commits, 'Commit queue');
}

function detail(c) {
  const text = c.statusDetail;
  return text.length > 200 ? text.slice(0, 200) + '…' : text;
}

function revisionTable(revisions, rollouts, tiers) {
  if (revisions.length === 0) return empty('No revisions yet: a commit that builds and tests green becomes one.');
  const outcome = new Map();
  for (const r of [...rollouts].reverse()) outcome.set(r.revision, r.state);
  return table([
    {title: 'Revision', cls: 'num', cell: r => String(r.number)},
    {title: 'Image', cell: r => h('code', {class: 'mono', title: r.imageRef}, image(r.imageRef))},
    {title: 'Commit', cell: r => h('code', {title: r.commit}, shortSha(r.commit))},
    {title: 'Built', cls: 'hide-narrow', cell: r => when(r.createdAt)},
    {title: 'Outcome', cell: r => {
      const live = tiers.filter(t => t.stable === r.number).map(t => t.tier);
      const trying = tiers.filter(t => t.candidate === r.number).map(t => t.tier);
      return [outcome.has(r.number) ? badge(outcome.get(r.number)) : null,
        live.length ? h('div', {}, 'stable on ' + live.join(', ')) : null,
        trying.length ? h('div', {}, 'candidate on ' + trying.join(', ')) : null,
        !outcome.has(r.number) && !live.length && !trying.length ? h('span', {class: 'muted'}, 'not rolled out') : null];
    }},
  ], revisions, 'Revisions');
}

function image(ref) {
  if (!ref) return '—';
  const at = ref.indexOf('@sha256:');
  return at < 0 ? ref : ref.slice(0, at) + '@' + ref.slice(at + 8, at + 20) + '…';
}
