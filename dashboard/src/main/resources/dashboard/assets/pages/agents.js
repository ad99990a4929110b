// The agents: labels, GPUs, slots, health and what each runs now.
import {api, enc} from '../api.js';
import {badge, bytes, empty, h, table} from '../dom.js';
import {when} from '../time.js';

export const topics = ['agents', 'jobs'];

export async function render() {
  const agents = await api.get('/agents');
  return h('div', {}, h('h1', {}, 'Agents'), h('section', {class: 'card'},
    agents.length === 0 ? empty('No agents yet. Start one with ./drover agent (./drover up starts a local one); '
      + 'it registers here with its labels, GPUs and slots.')
      : table([
        {title: 'Agent', cell: a => [h('strong', {}, a.name), h('div', {class: 'muted'}, a.id)]},
        {title: 'Health', cell: a => [badge(a.health), a.draining ? [' ', badge('draining')] : null]},
        {title: 'Labels', cell: a => h('div', {class: 'chips'}, Object.entries(a.labels).map(([k, v]) => h('span', {class: 'chip'}, k + '=' + v)))},
        {title: 'GPUs', cell: a => a.gpus.length ? a.gpus.join(', ') : 'none'},
        {title: 'Slots', cls: 'num', cell: a => a.running + ' / ' + a.slots + ' busy'},
        {title: 'Host', cls: 'hide-narrow', cell: a => a.cpus + ' CPUs · ' + bytes(a.memoryBytes)},
        {title: 'Last seen', cell: a => when(a.lastSeenAt)},
        {title: 'Running', cell: a => a.runningJobs.length === 0 ? h('span', {class: 'muted'}, 'idle')
          : h('div', {class: 'chips'}, a.runningJobs.map(j => h('a', {href: '#/jobs/' + enc(j)}, h('code', {}, j.slice(0, 12)))))},
      ], agents, 'Agents')));
}
