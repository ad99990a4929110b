// The dashboard speaks the same API as the CLI. The session cookie rides along by itself; every request
// that changes state carries the session's CSRF token.
let csrf = null;

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
    this.status = status;
    this.problem = problem;
  }
}

export function setCsrf(token) {
  csrf = token;
}

async function call(method, path, body, accept = 'application/json') {
  const headers = {'Accept': accept};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  const response = await fetch('/api/v1' + path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = response.headers.get('Content-Type') || '';
  const payload = response.status === 204 ? null
    : type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    if (response.status === 401) window.dispatchEvent(new CustomEvent('drover:signed-out'));
    throw new ApiError(response.status, typeof payload === 'object' ? payload : {detail: payload});
  }
  return payload;
}

export const api = {
  get: path => call('GET', path),
  text: path => call('GET', path, undefined, 'text/plain'),
  post: (path, body) => call('POST', path, body === undefined ? {} : body),
  del: path => call('DELETE', path),
};

export function q(params) {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, v);
  const text = search.toString();
  return text ? '?' + text : '';
}

export function enc(s) {
  return encodeURIComponent(s);
}
