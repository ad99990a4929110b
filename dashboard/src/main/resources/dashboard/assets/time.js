// Times in the viewer's own zone, with how long ago; the relative part is kept fresh every 30 s.
import {h} from './dom.js';

const absolute = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'medium'});
const relative = new Intl.RelativeTimeFormat(undefined, {numeric: 'auto'});
const STEPS = [[60, 'second'], [60, 'minute'], [24, 'hour'], [30, 'day'], [12, 'month'], [Infinity, 'year']];

export function ago(iso, now = Date.now()) {
  let amount = (new Date(iso).getTime() - now) / 1000;
  for (const [size, unit] of STEPS) {
    if (Math.abs(amount) < size) return relative.format(Math.round(amount), unit);
    amount /= size;
  }
  return '';
}

/** <time> showing the local time and how long ago; the full date is in its title. */
export function when(iso) {
  if (!iso) return h('span', {class: 'muted'}, '—');
  const date = new Date(iso);
  return h('time', {datetime: iso, title: absolute.format(date), 'data-ago': ''},
    absolute.format(date), ' ', h('span', {class: 'ago'}, '(' + ago(iso) + ')'));
}

export function seconds(total) {
  if (total === null || total === undefined) return '—';
  const s = Math.round(total);
  if (s < 120) return s + ' s';
  if (s < 7200) return Math.round(s / 60) + ' min';
  return (s / 3600).toFixed(1) + ' h';
}

export function refreshAgo() {
  for (const el of document.querySelectorAll('time[data-ago]')) {
    const span = el.querySelector('.ago');
    if (span) span.textContent = '(' + ago(el.getAttribute('datetime')) + ')';
  }
}

setInterval(refreshAgo, 30000);
