// Pieces the overview and a service's page share: a failed fetch, the lock, the tiers, the rollout's progress and the verdict in words.
import {badge, empty, h, percent, table} from './dom.js';
import {seconds, when} from './time.js';

export function lockLine(lock) {
  if (!lock.locked) return h('p', {class: 'lock free'}, 'Unlocked: rollouts proceed on their own.');
  return h('p', {class: 'lock', 'data-test': 'lock'},
    (lock.kind === 'rollback' ? 'Locked after a rollback' : 'Locked') + ' by ', h('strong', {}, lock.lockedBy),
    lock.reason ? ' — “' + lock.reason + '”' : '', ' since ', when(lock.lockedAt));
}

/** The service's repository when its last fetch failed: why, in the words kept on the service. Nothing otherwise. */
export function fetchLine(mirror) {
  if (!mirror || !mirror.lastError) return '';
  return h('p', {class: 'lock', role: 'alert', 'data-test': 'fetch-error'},
    'New commits are not coming in: the last fetch (', when(mirror.fetchedAt), ') failed: ', mirror.lastError);
}

export function tiersTable(tiers) {
  if (tiers.length === 0) return empty('No tier runs a revision yet: the first green commit deploys here.');
  return table([
    {title: 'Tier', cell: t => h('strong', {}, t.tier)},
    {title: 'Stable', cell: t => t.stable === null ? '—' : 'revision ' + t.stable},
    {title: 'Candidate', cell: t => t.candidate === null ? '—' : badge('candidate', 'revision ' + t.candidate)},
    {title: 'Split', cls: 'num', cell: t => t.candidate === null ? '—' : percent(t.split, 0) + ' to candidate'},
  ], tiers, 'Tiers and their revisions');
}

/** How far the rollout is, 0..1: whole stages passed, and of this one the lesser of bake time and jobs judged. */
export function progressOf(status) {
  const r = status.rollout;
  if (!r || r.stages === 0) return 0;
  if (r.state === 'succeeded') return 1;
  const s = status.stage;
  let within = 0;
  if (s) {
    const bake = s.bakeSeconds > 0 ? Math.min(1, s.elapsedSeconds / s.bakeSeconds) : 1;
    const arms = s.progress.flatMap(p => [p.candidate, p.baseline]).filter(a => a);
    const jobs = s.minJobs > 0 && arms.length > 0 ? Math.min(1, Math.min(...arms.map(a => a.judged)) / s.minJobs) : 1;
    within = Math.min(bake, jobs);
  }
  return Math.min(1, (r.stage - 1 + within) / r.stages);
}

export function rolloutBlock(name, status) {
  const r = status.rollout;
  if (!r) return empty('No rollout yet: one starts when a commit builds and tests green.');
  const inFlight = r.state === 'running' || r.state === 'paused';
  const value = progressOf(status);
  const s = status.stage;
  return h('div', {class: 'rollout', 'data-test': 'rollout'},
    h('div', {class: 'row spread'},
      h('a', {href: '#/services/' + encodeURIComponent(name) + '/rollouts/' + r.id},
        'Rollout #' + r.id + ': revision ' + r.revision + (r.fromRevision ? ' (from ' + r.fromRevision + ')' : '')),
      badge(r.state)),
    inFlight ? [
      h('progress', {max: 1000, value: Math.round(value * 1000), 'aria-label': 'Rollout progress',
        'data-test': 'progress'}),
      h('p', {class: 'progress-label', 'data-test': 'progress-label'},
        'Stage ' + r.stage + ' of ' + r.stages + (s ? ' (' + s.tiers.join(', ') + ')' : '') + ' · '
        + Math.round(value * 100) + '%'
        + (s ? ' · baked ' + seconds(s.elapsedSeconds) + ' of ' + seconds(s.bakeSeconds)
          + ' · jobs judged ' + s.progress.map(p => p.tier + ' ' + p.candidate.judged
            + (p.baseline ? '/' + p.baseline.judged : '')).join(', ') + ' of ' + s.minJobs + ' per arm' : '')),
    ] : h('p', {class: 'muted'}, r.note || ''),
    status.queued > 0 ? h('p', {class: 'muted'}, status.queued + ' more queued behind it') : null);
}

/** The latest verdict in words: each tier's state and the sentence of the gate that matters most. */
export function verdictWords(status) {
  if (!status.verdicts || status.verdicts.length === 0) return empty('No verdict yet: the judge speaks once jobs finish on the canary.');
  const order = {fail: 0, pending: 1, 'no-data': 2, pass: 3};
  return h('ul', {class: 'verdicts', 'data-test': 'verdicts'}, status.verdicts.map(v => {
    const gates = [...v.gates].sort((a, b) => (order[a.state] ?? 9) - (order[b.state] ?? 9));
    const lead = gates[0];
    return h('li', {}, h('strong', {}, v.tier), ' ', badge(v.state), ' ',
      lead ? lead.sentence || lead.reason || '' : '');
  }), h('li', {class: 'muted'}, 'Stage ' + status.verdictStage + (status.stageOutcome ? ': ' + status.stageOutcome : ' (in progress)')));
}

export function serviceSelect(services, chosen, onChange) {
  const select = h('select', {id: 'service', name: 'service'},
    services.map(s => h('option', {value: s.name, selected: s.name === chosen}, s.name)));
  select.addEventListener('change', () => onChange(select.value));
  return h('label', {for: 'service'}, 'Service', select);
}
