// Building the page from data without ever parsing data as HTML: every text goes in as a text node.

/** h('a', {href: '#/x', class: 'btn'}, 'text', child, [more]) */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** A table; columns: [{title, cell: row => node|text, cls}] */
export function table(columns, rows, caption) {
  return h('div', {class: 'table-wrap'},
    h('table', {},
      caption ? h('caption', {class: 'sr-only'}, caption) : null,
      h('thead', {}, h('tr', {}, columns.map(c => h('th', {scope: 'col', class: c.cls}, c.title)))),
      h('tbody', {}, rows.map(row => h('tr', {}, columns.map(c => h('td', {class: c.cls}, c.cell(row))))))));
}

/** What an empty list will show, and when. */
export function empty(text) {
  return h('p', {class: 'empty'}, text);
}

export function badge(state, text) {
  return h('span', {class: 'badge ' + String(state || 'none').replace(/[^a-z0-9-]/gi, '')}, text || state || '—');
}

export function section(title, ...children) {
  return h('section', {class: 'card'}, h('h2', {}, title), ...children);
}

export function percent(x, digits = 1) {
  return x === null || x === undefined ? '—' : (100 * x).toFixed(digits) + '%';
}

export function bytes(n) {
  if (n === null || n === undefined) return '—';
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = Number(n);
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
  return (i === 0 ? v.toFixed(0) : v.toFixed(1)) + ' ' + units[i];
}

export function millis(ms) {
  if (ms === null || ms === undefined) return '—';
  const s = ms / 1000;
  if (s < 60) return s.toFixed(s < 10 ? 1 : 0) + ' s';
  if (s < 3600) return (s / 60).toFixed(1) + ' min';
  return (s / 3600).toFixed(2) + ' h';
}

export function money(x, currency = 'USD') {
  if (x === null || x === undefined) return '—';
  return new Intl.NumberFormat(undefined, {style: 'currency', currency, maximumFractionDigits: x < 1 ? 4 : 2}).format(x);
}

export function shortSha(sha) {
  return sha ? sha.slice(0, 7) : '—';
}
