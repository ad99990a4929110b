// What a deployer may do from the page, through the same API as the CLI: promote, abort, rollback, lock,
// unlock. Nothing here is drawn for a viewer (and the API refuses a viewer anyway).
import {api, enc} from './api.js';
import {h} from './dom.js';

const IN_FLIGHT = ['running', 'paused'];

/** The rollback's target on each tier, as the controller will pick it. */
export function rollbackTargets(status) {
  const inFlight = status.rollout && IN_FLIGHT.includes(status.rollout.state);
  return status.tiers.map(t => ({tier: t.tier, from: inFlight ? (t.candidate ?? t.stable) : t.stable,
    to: inFlight ? t.stable : t.previousStable}));
}

export function actionBar(ctx, name, status) {
  if (!ctx.canDeploy) return null;
  const r = status.rollout;
  const open = r && (IN_FLIGHT.includes(r.state) || r.state === 'queued');
  const buttons = [];
  if (r && IN_FLIGHT.includes(r.state)) {
    buttons.push(h('button', {type: 'button', id: 'promote-' + name, onclick: () => promote(ctx, name, r)}, 'Promote…'));
  }
  if (open) {
    buttons.push(h('button', {type: 'button', id: 'abort-' + name, onclick: () => abort(ctx, name, r)}, 'Abort…'));
  }
  if (status.tiers.length > 0) {
    buttons.push(h('button', {type: 'button', class: 'danger', id: 'rollback-' + name,
      onclick: () => rollback(ctx, name, status)}, 'Roll back…'));
  }
  buttons.push(status.lock.locked
    ? h('button', {type: 'button', id: 'unlock-' + name, onclick: () => unlock(ctx, name, status.lock)}, 'Unlock…')
    : h('button', {type: 'button', id: 'lock-' + name, onclick: () => lock(ctx, name)}, 'Lock…'));
  return h('div', {class: 'actions', role: 'group', 'aria-label': 'Actions on ' + name}, buttons);
}

function reasonField(required) {
  return h('label', {for: 'action-reason'}, required ? 'Reason (required: it goes in the audit log and notifications)' : 'Reason',
    h('textarea', {id: 'action-reason', name: 'reason', required, maxlength: 2000}));
}

/** A modal form; submit(form) does the call; the dialog stays open and says why when it fails. */
function dialog({title, body, fields, confirm, danger, submit}) {
  const error = h('p', {class: 'error', role: 'alert', hidden: true});
  const cancel = h('button', {type: 'button', value: 'cancel'}, 'Cancel');
  const ok = h('button', {type: 'submit', class: danger ? 'danger' : 'primary', id: 'action-confirm'}, confirm);
  const form = h('form', {method: 'dialog'}, h('h2', {id: 'action-title'}, title), body, fields, error,
    h('div', {class: 'actions'}, ok, cancel));
  const box = h('dialog', {'aria-labelledby': 'action-title', id: 'action-dialog'}, form);
  cancel.addEventListener('click', () => box.close());
  box.addEventListener('close', () => box.remove());
  form.addEventListener('submit', async e => {
    e.preventDefault();
    ok.disabled = true;
    try {
      await submit(form);
      box.close();
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
      ok.disabled = false;
    }
  });
  document.body.append(box);
  box.showModal();
  const first = form.querySelector('textarea, input, select');
  (first || ok).focus();
}

function done(ctx) {
  ctx.redraw();
}

function promote(ctx, name, r) {
  dialog({
    title: 'Promote revision ' + r.revision + ' of ' + name,
    body: h('p', {}, 'Passes stage ' + r.stage + ' of ' + r.stages + ' without the judge. This is an audited override.'),
    fields: [h('label', {class: 'row'}, h('span', {}, h('input', {type: 'checkbox', name: 'full', id: 'promote-full'}),
      ' Every remaining stage (straight to all tiers)')), reasonField(false)],
    confirm: 'Promote revision ' + r.revision,
    submit: async form => {
      await api.post('/services/' + enc(name) + '/promote', {full: form.full.checked, reason: form.reason.value || null});
      done(ctx);
    },
  });
}

function abort(ctx, name, r) {
  dialog({
    title: 'Abort the rollout of revision ' + r.revision,
    body: h('p', {}, 'Every tier goes back to its stable revision; the rollout ends as aborted.'),
    fields: [reasonField(true)],
    confirm: 'Abort rollout of revision ' + r.revision, danger: true,
    submit: async form => {
      await api.post('/services/' + enc(name) + '/abort', {reason: form.reason.value});
      done(ctx);
    },
  });
}

function rollback(ctx, name, status) {
  const targets = rollbackTargets(status);
  const known = [...new Set(targets.map(t => t.to).filter(t => t !== null && t !== undefined))];
  const one = known.length === 1 && targets.every(t => t.to === known[0]) ? known[0] : null;
  dialog({
    title: 'Roll back ' + name,
    body: [
      h('p', {}, one !== null ? 'Every tier goes to revision ' + one + ' at once, and the service is locked.'
        : 'Each tier goes back to its previous good revision at once, and the service is locked.'),
      h('ul', {}, targets.map(t => h('li', {}, t.tier + ': revision ' + (t.from ?? '—') + ' → '
        + (t.to ?? 'nothing to roll back to')))),
    ],
    fields: [
      h('label', {class: 'row'}, h('span', {}, h('input', {type: 'checkbox', name: 'cancelRunning', id: 'rollback-cancel'}),
        ' Also cancel the jobs still running on the revision being replaced')),
      reasonField(true),
    ],
    confirm: one !== null ? 'Roll back to revision ' + one : 'Roll back every tier', danger: true,
    submit: async form => {
      await api.post('/services/' + enc(name) + '/rollback', {reason: form.reason.value,
        cancelRunning: form.cancelRunning.checked, to: one});
      done(ctx);
    },
  });
}

function lock(ctx, name) {
  dialog({
    title: 'Lock ' + name,
    body: h('p', {}, 'No rollout starts or advances while the service is locked; a rollback still goes through.'),
    fields: [reasonField(true)],
    confirm: 'Lock ' + name,
    submit: async form => {
      await api.post('/services/' + enc(name) + '/lock', {reason: form.reason.value});
      done(ctx);
    },
  });
}

function unlock(ctx, name, current) {
  dialog({
    title: 'Unlock ' + name,
    body: h('p', {}, 'Locked by ' + current.lockedBy + (current.reason ? ': ' + current.reason : '') + '. Rollouts resume.'),
    fields: [],
    confirm: 'Unlock ' + name,
    submit: async () => {
      await api.post('/services/' + enc(name) + '/unlock', {});
      done(ctx);
    },
  });
}
