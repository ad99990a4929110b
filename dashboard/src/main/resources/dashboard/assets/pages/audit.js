// The audit log: every state-changing call, who made it, why, and how it ended.
import {api, q} from '../api.js';
import {badge, empty, h, table} from '../dom.js';
import {when} from '../time.js';

export const topics = ['audit'];

export async function render(ctx) {
  const actor = ctx.query.get('actor') || '';
  const action = ctx.query.get('action') || '';
  const entries = await api.get('/audit' + q({limit: 100, actor, action}));
  const form = h('form', {class: 'filters', role: 'search', 'aria-label': 'Filter the audit log'},
    h('label', {for: 'a-actor'}, 'Who', h('input', {id: 'a-actor', name: 'actor', value: actor})),
    h('label', {for: 'a-action'}, 'Action', h('input', {id: 'a-action', name: 'action', value: action,
      placeholder: 'rollback, lock, deploy…'})),
    h('button', {type: 'submit', id: 'a-apply'}, 'Filter'), h('a', {href: '#/audit'}, 'Clear'));
  form.addEventListener('submit', e => {
    e.preventDefault();
    const data = new FormData(form);
    location.hash = '#/audit' + q({actor: data.get('actor'), action: data.get('action')});
  });
  return h('div', {}, h('h1', {}, 'Audit log'), h('section', {class: 'card'}, form,
    entries.length === 0 ? empty('Nothing recorded yet: every deploy, rollback, lock, token and sign-in is written here.')
      : table([
        {title: 'When', cell: e => when(e.at)},
        {title: 'Who', cell: e => e.actor},
        {title: 'Action', cell: e => h('strong', {}, e.action)},
        {title: 'Target', cell: e => e.target || '—'},
        {title: 'Reason', cell: e => e.reason || '—'},
        {title: 'Outcome', cell: e => [badge(e.outcome), e.detail ? h('div', {class: 'muted'}, e.detail) : null]},
      ], entries, 'Audit log')));
}
