// Server-sent events from /api/v1/live. The browser reconnects by itself (sending Last-Event-ID, so missed
// rollout events are replayed); this says so on screen, and after a reconnect the page reloads its data.
import {api} from './api.js';

const TOPICS = ['rollout', 'jobs', 'tiers', 'commits', 'verdicts', 'agents', 'audit'];

export function connect(indicator, onChange, onReconnected) {
  let source = null;
  let lost = false;
  let retry = null;

  function show(state, text) {
    indicator.className = 'live ' + state;
    indicator.textContent = text;
  }

  function open() {
    source = new EventSource('/api/v1/live');
    source.addEventListener('hello', () => {
      show('on', 'Live');
      if (lost) {
        lost = false;
        onReconnected();
      }
    });
    for (const topic of TOPICS) {
      source.addEventListener(topic, e => onChange(JSON.parse(e.data)));
    }
    source.onerror = () => {
      lost = true;
      if (source.readyState === EventSource.CLOSED) {
        // Refused (signed out?) or the server is gone: try again ourselves, after checking the session.
        show('off', 'Disconnected — retrying…');
        source.close();
        clearTimeout(retry);
        retry = setTimeout(() => api.get('/session').then(s => {
          if (s.role) open(); else window.dispatchEvent(new CustomEvent('drover:signed-out'));
        }, open), 5000);
      } else {
        show('off', 'Connection lost — reconnecting…');
      }
    };
  }

  open();
  return () => {
    clearTimeout(retry);
    if (source) source.close();
    show('', '');
  };
}
