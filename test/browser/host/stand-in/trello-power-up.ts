// Stands in for https://p.trellocdn.com/power-up.min.js in the browser tests: Trello's CDN cannot
// be reached from here, so the test serves this bundle at that URL (page.route) and the
// Power-Up's real pages run unchanged against the test host.
import { HASH_KEY, type FrameInfo } from '../protocol';
import { createCallbackRegistry } from './callbacks';
import { createT, type StandInT } from './create-t';
import { connectToHost } from './host-channel';
import { loadStrings, type Localization, type Strings } from './localizer';

type Options = { localization?: Localization; appName?: string };
type Handler = (t: StandInT, options: Record<string, unknown>) => unknown;

const info = readFrameInfo();
const channel = connectToHost(info.frameId);
let strings: Strings = {};
const newT = (context = info.context) => createT({ channel, context, args: info.args, strings: () => strings });

/** TrelloPowerUp.initialize: the connector registers its capability handlers. */
function initialize(handlers: Record<string, Handler>, options: Options = {}) {
  const callbacks = createCallbackRegistry();
  const ready = loadStrings(options.localization, info.context.locale).then((loaded) => void (strings = loaded));
  channel.onInvoke((message) => {
    void ready
      .then(() => {
        const t = newT(message.context);
        if (message.gk === 'invoke') {
          const handler = handlers[message.capability];
          if (!handler) throw new Error(`[stand-in] no handler for ${message.capability}`);
          return handler(t, { locale: message.context.locale, context: message.context });
        }
        const callback = callbacks.get(message.callbackId);
        if (!callback) throw new Error(`[stand-in] unknown callback ${message.callbackId}`);
        return callback(t, { locale: message.context.locale });
      })
      .then(
        (value) => channel.respond({ gk: 'response', id: message.id, ok: true, value: callbacks.serialize(value) }),
        (err: unknown) => channel.respond({ gk: 'response', id: message.id, ok: false, error: String(err instanceof Error ? err.message : err) }),
      );
  });
  void ready.then(() => channel.ready(Object.keys(handlers)));
  return newT();
}

/** TrelloPowerUp.iframe: a secondary page (card back, popup) gets its `t`, with render. */
function iframe(options: Options = {}) {
  const ready = loadStrings(options.localization, info.context.locale).then((loaded) => void (strings = loaded));
  const t = newT();
  let draw: (() => void) | undefined;
  channel.onRender(() => draw?.());
  void ready.then(() => channel.ready([]));
  return {
    ...t,
    render(fn: () => void) {
      draw = fn;
      void ready.then(fn);
    },
  };
}

function readFrameInfo(): FrameInfo {
  const hash = window.location.hash.slice(1);
  if (!hash.startsWith(HASH_KEY)) throw new Error('[stand-in] this page was not opened by the test host');
  return JSON.parse(decodeURIComponent(hash.slice(HASH_KEY.length))) as FrameInfo;
}

(window as unknown as { TrelloPowerUp: unknown }).TrelloPowerUp = { version: 'gatekeeper-test-host', Promise, initialize, iframe };
