// One job: what it was asked to do, each attempt with what was measured, and an attempt's log.
import {api, enc} from '../api.js';
import {badge, bytes, empty, h, millis, money, section, table} from '../dom.js';
import {when} from '../time.js';

export const topics = ['jobs'];

export async function render(ctx) {
  const id = ctx.args[0];
  const job = await api.get('/jobs/' + enc(id));
  const attempts = job.attemptList || [];
  const chosen = Number(ctx.query.get('attempt')) || (attempts.length ? attempts[attempts.length - 1].number : null);
  const log = chosen === null ? null : await api.text('/jobs/' + enc(id) + '/logs?attempt=' + chosen);
  return h('div', {},
    h('h1', {}, 'Job ', h('code', {}, job.id)),
    section('Job',
      h('p', {class: 'row'}, badge(job.status), h('a', {href: '#/services/' + enc(job.service)}, job.service),
        job.tier ? 'tier ' + job.tier : 'no tier yet', job.revision ? 'revision ' + job.revision : '',
        job.arm ? badge(job.arm === 'candidate' ? 'candidate' : 'none', job.arm) : null, job.requiresGpu ? badge('none', 'GPU') : null),
      job.reason ? h('p', {class: 'muted'}, job.reason) : null,
      h('p', {}, 'Submitted ', when(job.submittedAt), job.finishedAt ? [' · finished ', when(job.finishedAt)] : ''),
      job.replayOf ? h('p', {}, 'Replays ', h('a', {href: '#/jobs/' + enc(job.replayOf)}, job.replayOf)) : null,
      Object.keys(job.params || {}).length ? h('dl', {class: 'chips'}, Object.entries(job.params).map(([k, v]) =>
        h('span', {class: 'chip'}, k + '=' + v))) : h('p', {class: 'muted'}, 'No parameters.')),
    section('Attempts', attempts.length === 0 ? empty('No attempt yet: the job waits in the queue until an agent of its tier has room.')
      : table([
        {title: '#', cell: a => h('a', {href: '#/jobs/' + enc(id) + '?attempt=' + a.number,
          'aria-current': a.number === chosen ? 'true' : null}, String(a.number))},
        {title: 'Ran on', cell: a => a.instanceType
          ? a.agent + ' · ' + a.instanceType + (a.availabilityZone ? ' in ' + a.availabilityZone : '') : a.agent},
        {title: 'Tier / rev', cell: a => a.tier + ' / ' + a.revision},
        {title: 'Outcome', cell: a => a.running ? badge('running') : badge(a.outcome)},
        {title: 'Exit', cls: 'num', cell: a => a.exitCode ?? '—'},
        {title: 'Started', cls: 'hide-narrow', cell: a => when(a.startedAt)},
        {title: 'Duration', cls: 'num', cell: a => millis(a.durationMillis)},
        {title: 'Peak memory', cls: 'num', cell: a => bytes(a.memoryPeakBytes)},
        {title: 'Cost', cls: 'num', cell: a => money(a.cost)},
        {title: 'Detail', cell: a => a.detail || ''},
      ], attempts, 'Attempts')),
    section(chosen === null ? 'Log' : 'Log of attempt ' + chosen,
      log === null ? empty('No log yet: it appears when the first attempt starts.')
        : log === '' ? empty('The attempt wrote nothing to its log.')
          : h('pre', {class: 'log', tabindex: 0, 'aria-label': 'Log'}, log)));
}
