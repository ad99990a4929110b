// The dashboard: a hash router over pages that each draw themselves from the API, live updates that tell
// the page on screen to draw again, and the sign-in that turns an API token into a session cookie.
import {api, ApiError, setCsrf} from './api.js';
import {h} from './dom.js';
import {connect} from './live.js';
import * as overview from './pages/overview.js';
import * as service from './pages/service.js';
import * as rollout from './pages/rollout.js';
import * as jobs from './pages/jobs.js';
import * as job from './pages/job.js';
import * as cost from './pages/cost.js';
import * as agents from './pages/agents.js';
import * as audit from './pages/audit.js';

const ROUTES = [
  [/^\/$/, overview, 'overview'],
  [/^\/services\/([^/]+)$/, service, 'overview'],
  [/^\/services\/([^/]+)\/rollouts\/(\d+)$/, rollout, 'overview'],
  [/^\/jobs$/, jobs, 'jobs'],
  [/^\/jobs\/([^/]+)$/, job, 'jobs'],
  [/^\/cost$/, cost, 'cost'],
  [/^\/agents$/, agents, 'agents'],
  [/^\/audit$/, audit, 'audit'],
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const user = document.getElementById('user');
const signout = document.getElementById('signout');
const indicator = document.getElementById('live');

let session = null;
let disconnect = null;
let current = null;
let drawing = 0;
let charts = [];
let pending = null;

function route() {
  const [path, search] = (location.hash.slice(1) || '/').split('?');
  for (const [pattern, page, tab] of ROUTES) {
    const match = pattern.exec(path);
    if (match) {
      return {page, tab, args: match.slice(1).map(decodeURIComponent), query: new URLSearchParams(search || '')};
    }
  }
  return null;
}

async function draw(moveFocus) {
  const seq = ++drawing;
  const r = route();
  if (!r) {
    main.replaceChildren(h('h1', {}, 'Not found'), h('p', {}, 'No page here. ', h('a', {href: '#/'}, 'Go to the overview')));
    return;
  }
  for (const a of nav.querySelectorAll('a')) {
    if (a.dataset.page === r.tab) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  }
  const fresh = [];
  const ctx = {
    args: r.args, query: r.query, session,
    canDeploy: session.role === 'deployer' || session.role === 'admin',
    chart: (canvas, config) => fresh.push([canvas, config]),
    redraw: () => draw(false),
  };
  let content;
  try {
    content = await r.page.render(ctx);
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return;
    content = h('div', {}, h('h1', {}, 'Could not load this page'),
      h('p', {class: 'error', role: 'alert'}, e instanceof ApiError ? e.message : 'The controller did not answer: ' + e.message));
  }
  if (seq !== drawing) return;
  const focusedId = document.activeElement && main.contains(document.activeElement) ? document.activeElement.id : null;
  charts.forEach(c => c.destroy());
  main.replaceChildren(content);
  // Charts are drawn once their canvas is on the page, so they take its size.
  charts = fresh.map(([canvas, config]) => new window.Chart(canvas, config));
  current = {page: r.page, ctx};
  if (focusedId && document.getElementById(focusedId)) {
    document.getElementById(focusedId).focus();
  } else if (moveFocus) {
    main.focus({preventScroll: true});
  }
  const title = main.querySelector('h1');
  document.title = (title ? title.textContent + ' · ' : '') + 'Drover';
}

/** A live change: draw the page again if it shows that topic (and that service), at most a few times a second. */
function changed(event) {
  if (event.topic === 'rollout' && event.message) toast(event.service + ': ' + event.message);
  if (!current) return;
  const page = current.page;
  const wanted = page.topics || [];
  const scoped = page.service ? page.service(current.ctx) : null;
  if (!wanted.includes(event.topic) || (scoped && event.service && event.service !== scoped)) return;
  clearTimeout(pending);
  pending = setTimeout(() => draw(false), 250);
}

let toastTimer = null;
function toast(text) {
  let el = document.getElementById('toast');
  if (!el) {
    el = h('div', {id: 'toast', class: 'toast', role: 'status', 'aria-live': 'polite'});
    document.body.append(el);
  }
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 6000);
}

function showSignIn(message) {
  session = null;
  if (disconnect) disconnect();
  disconnect = null;
  nav.hidden = true;
  signout.hidden = true;
  user.textContent = '';
  const error = h('p', {class: 'error', role: 'alert', hidden: !message}, message || '');
  const input = h('input', {id: 'token', name: 'token', type: 'password', autocomplete: 'off', required: true,
    spellcheck: 'false', placeholder: 'drv_…'});
  const form = h('form', {class: 'card signin', 'aria-labelledby': 'signin-title'},
    h('h1', {id: 'signin-title'}, 'Sign in to Drover'),
    h('p', {}, 'Paste an API token. It is exchanged for a session of this browser and never stored in the page.'),
    h('label', {for: 'token'}, 'API token', input),
    error,
    h('p', {}, h('button', {type: 'submit', class: 'primary', id: 'signin'}, 'Sign in')),
    h('p', {class: 'muted'}, 'No token? An admin makes one with ', h('code', {}, 'drover token create NAME --role viewer'), '.'));
  form.addEventListener('submit', async e => {
    e.preventDefault();
    try {
      start(await api.post('/session', {token: input.value}));
    } catch (err) {
      error.textContent = err.message;
      error.hidden = false;
      input.select();
    }
  });
  main.replaceChildren(form);
  document.title = 'Sign in · Drover';
  input.focus();
}

function start(s) {
  session = s;
  setCsrf(s.csrfToken);
  nav.hidden = false;
  signout.hidden = false;
  user.textContent = s.name + ' · ' + s.role;
  if (!disconnect) disconnect = connect(indicator, changed, () => draw(false));
  draw(true);
}

signout.addEventListener('click', async () => {
  try { await api.del('/session'); } catch (e) { /* already gone */ }
  showSignIn('Signed out.');
});
window.addEventListener('drover:signed-out', () => {
  if (session) showSignIn('Your session ended: sign in again.');
});
window.addEventListener('hashchange', () => { if (session) draw(true); });

api.get('/session').then(s => (s.role ? start(s) : showSignIn(null)), e => showSignIn(e.message));
