/**
 * The cardhub site tracker, served at /t.js. A company installs it on its own official site with one tag:
 *
 *   <script src="https://<cardhub>/t.js" data-org="<organization key>" async></script>
 *
 * It keeps the share code a visitor landed with (`?ch_sc=`) and a visitor key of its own in first-party
 * storage, reports page views, visible time and clicks by beacon, turns forms marked `data-cardhub-lead`
 * into lead submissions, and exposes `window.cardhub.track(event, props)` and `.identify({ phone, consent })`.
 * It asks for nothing personal itself: a lead form's fields leave only when its consent box is ticked.
 *
 * Built by scripts/build-tracker.mjs (TypeScript, then terser); the CARDHUB_* constants come from
 * @cardhub/shared at build time, so the script and the server cannot disagree on them.
 */

declare const CARDHUB_SHARE_PARAM: string;
declare const CARDHUB_VISITOR_PARAM: string;
declare const CARDHUB_SHARE_TTL_DAYS: number;
declare const CARDHUB_MAX_EVENTS: number;
/** Comma-separated event types `track` accepts. */
declare const CARDHUB_TRACKABLE_EVENTS: string;
/** `newEventId` of @cardhub/shared: time-ordered UUIDs, as the mini-program's. */
declare const CARDHUB_NEW_EVENT_ID: (randomBytes: (count: number) => Uint8Array) => string;

type PropValue = string | number | boolean | null;
type Props = Record<string, PropValue>;

interface CardhubApi {
  track(event: string, props?: Props): void;
  /** `consent` is true, or the version of the privacy policy the person agreed to. */
  identify(person: { phone: string; consent: boolean | string }): Promise<boolean>;
}

interface Answer {
  ok: boolean;
  body: string;
}

(() => {
  const win = window as Window & { cardhub?: CardhubApi };
  const doc = document;
  const script = (doc.currentScript ||
    doc.querySelector('script[data-org][src*="/t.js"]')) as HTMLScriptElement | null;
  const organizationKey = script && script.getAttribute('data-org');
  if (win.cardhub || !organizationKey) return;

  const endpoint = `${new URL(script!.src).origin}/api/site/${encodeURIComponent(organizationKey)}/`;
  const DAY_SECONDS = 86400;
  const VISITOR_KEY = 'ch_vk';
  const SHARE_KEY = 'ch_sc';

  const now = () => new Date().toISOString();
  const randomBytes = (count: number) => crypto.getRandomValues(new Uint8Array(count));

  const eventId = () => CARDHUB_NEW_EVENT_ID(randomBytes);

  // Storage may be switched off (private modes, strict settings): the tracker then works for this page only.
  const load = (key: string) => {
    try {
      const stored = localStorage.getItem(key);
      if (stored) return stored;
    } catch {
      // no localStorage
    }
    const cookie = doc.cookie.match(new RegExp(`(?:^|; )${key}=([^;]*)`));
    return cookie ? cookie[1]! : null;
  };
  const keep = (key: string, value: string, days: number) => {
    try {
      localStorage.setItem(key, value);
    } catch {
      // no localStorage: the cookie still holds it
    }
    doc.cookie = `${key}=${value};path=/;max-age=${days * DAY_SECONDS};SameSite=Lax${
      location.protocol === 'https:' ? ';Secure' : ''
    }`;
  };

  const isVisitorKey = (value: string | null): value is string =>
    !!value && /^[A-Za-z0-9_-]{16,64}$/.test(value);
  // Arriving from the company's cardhub pages, the visitor keeps the key they had there (one visitor, two
  // origins); the key then leaves the address bar so a copied link does not carry it on to someone else.
  const query = new URLSearchParams(location.search);
  const carried = query.get(CARDHUB_VISITOR_PARAM);
  if (carried !== null) {
    query.delete(CARDHUB_VISITOR_PARAM);
    const rest = query.toString();
    history.replaceState(history.state, '', `${location.pathname}${rest ? `?${rest}` : ''}${location.hash}`);
  }
  let visitorKey = isVisitorKey(carried) ? carried : load(VISITOR_KEY);
  if (!isVisitorKey(visitorKey)) {
    visitorKey = btoa(String.fromCharCode(...randomBytes(16)))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '');
  }
  keep(VISITOR_KEY, visitorKey, 400);

  // A share code in the landing URL replaces the kept one; a kept one lasts CARDHUB_SHARE_TTL_DAYS.
  const isShareCode = (value: string | null | undefined): value is string =>
    !!value && /^[0-9A-Za-z]{10}$/.test(value);
  const landed = new URLSearchParams(location.search).get(CARDHUB_SHARE_PARAM);
  const [keptCode, keptUntil] = (load(SHARE_KEY) || '').split('.');
  let shareCode: string | undefined;
  if (isShareCode(landed)) {
    shareCode = landed;
    keep(
      SHARE_KEY,
      `${landed}.${Date.now() + CARDHUB_SHARE_TTL_DAYS * DAY_SECONDS * 1000}`,
      CARDHUB_SHARE_TTL_DAYS,
    );
  } else if (isShareCode(keptCode) && Number(keptUntil) > Date.now()) {
    shareCode = keptCode;
  }

  /** A POST whose answer matters (forms, identify): fetch, or XHR where there is no fetch. */
  const post = (path: string, body: string): Promise<Answer> =>
    'fetch' in win
      ? fetch(endpoint + path, {
          method: 'POST',
          body,
          keepalive: true,
          credentials: 'omit',
          // text/plain is a "simple" request: no CORS preflight.
          headers: { 'Content-Type': 'text/plain' },
        }).then((response) => response.text().then((text) => ({ ok: response.ok, body: text })))
      : new Promise((resolve, reject) => {
          const request = new XMLHttpRequest();
          request.open('POST', endpoint + path);
          request.setRequestHeader('Content-Type', 'text/plain');
          request.onload = () =>
            resolve({ ok: request.status >= 200 && request.status < 300, body: request.responseText });
          request.onerror = reject;
          request.send(body);
        });

  const pageViewId = eventId();
  const page = () => ({ url: location.origin + location.pathname, title: doc.title.slice(0, 200) });
  const queue: object[] = [];
  let timer = 0;

  /** Sends what is queued, by beacon (it survives the page closing), else by POST. */
  const flush = () => {
    clearTimeout(timer);
    timer = 0;
    while (queue.length) {
      const body = JSON.stringify({ visitorKey, shareCode, events: queue.splice(0, CARDHUB_MAX_EVENTS) });
      if (!(navigator.sendBeacon && navigator.sendBeacon(endpoint + 'events', body)))
        post('events', body).catch(() => undefined);
    }
  };
  const enqueue = (type: string, props: Props) => {
    queue.push({ type, eventId: eventId(), visitId: pageViewId, props, occurredAt: now() });
    timer = timer || win.setTimeout(flush, 500);
  };

  // Visible time, reported whenever the page is hidden (tab switched, app backgrounded, page left).
  let visibleSince = doc.visibilityState === 'visible' ? Date.now() : 0;
  let unreported = 0;
  const reportDwell = () => {
    if (visibleSince) unreported += Date.now() - visibleSince;
    visibleSince = 0;
    const seconds = Math.min(3600, Math.floor(unreported / 1000));
    if (seconds >= 1) {
      unreported -= seconds * 1000;
      enqueue('dwell', { seconds });
    }
    flush();
  };
  doc.addEventListener('visibilitychange', () => {
    if (doc.visibilityState === 'hidden') reportDwell();
    else visibleSince = Date.now();
  });
  win.addEventListener('pagehide', reportDwell);

  // Clicks worth knowing: marked elements, phone and mail links, links leaving the site.
  doc.addEventListener(
    'click',
    (event) => {
      const element = (event.target as Element).closest('a,button,[data-cardhub-click]');
      if (!element) return;
      const href = (element as HTMLAnchorElement).href || '';
      const action =
        element.getAttribute('data-cardhub-click') ||
        (/^tel:/.test(href) && 'call') ||
        (/^mailto:/.test(href) && 'email') ||
        (/^https?:/.test(href) && new URL(href).origin !== location.origin && 'outbound');
      if (!action) return;
      const props: Props = { action };
      if (href) props.href = href.slice(0, 200);
      const text = (element.textContent || '').trim().slice(0, 80);
      if (text) props.text = text;
      enqueue('click', props);
    },
    true,
  );

  const showStatus = (form: HTMLFormElement, state: string, message: string) => {
    const status = form.querySelector('[data-cardhub-status]');
    if (status) {
      status.textContent = message;
      status.setAttribute('data-state', state);
    }
    form.dispatchEvent(new CustomEvent('cardhub:lead', { detail: { state, message } }));
  };

  // Lead forms: the consent box (`data-cardhub-consent="<policy version>"`) decides whether fields leave.
  doc.addEventListener(
    'submit',
    (event) => {
      const form = event.target as HTMLFormElement;
      const formName = form.getAttribute('data-cardhub-lead');
      if (formName === null) return;
      event.preventDefault();
      const box = form.querySelector<HTMLInputElement>('[data-cardhub-consent]');
      const granted = !!box && box.checked;
      const fields: Record<string, string> = {};
      if (granted) {
        for (const name of ['name', 'phone', 'company', 'message']) {
          const input = form.elements.namedItem(name) as HTMLInputElement | null;
          if (input && input.value.trim()) fields[name] = input.value.trim();
        }
      }
      flush();
      showStatus(form, 'pending', '正在提交…');
      post(
        'leads',
        JSON.stringify({
          eventId: eventId(),
          visitorKey,
          shareCode,
          visitId: pageViewId,
          page: page(),
          form: formName || 'lead',
          consent: { granted, policyVersion: (box && box.getAttribute('data-cardhub-consent')) || '1' },
          fields,
          occurredAt: now(),
        }),
      ).then(
        (answer) => {
          if (answer.ok) {
            form.reset();
            return showStatus(form, 'sent', '提交成功，我们会尽快与您联系。');
          }
          if (!granted)
            return showStatus(form, 'refused', '请先勾选同意个人信息使用条款。本次未发送任何个人信息。');
          let message = '提交失败，请检查填写的内容后重试。';
          try {
            message = JSON.parse(answer.body).message || message;
          } catch {
            // not JSON: keep the general message
          }
          showStatus(form, 'error', message);
        },
        () => showStatus(form, 'error', '网络异常，请稍后重试。'),
      );
    },
    true,
  );

  const trackable = CARDHUB_TRACKABLE_EVENTS.split(',');
  win.cardhub = {
    track(event, props) {
      if (trackable.indexOf(event) >= 0) enqueue(event, props || {});
    },
    identify(person) {
      if (!person || !person.consent || !person.phone) return Promise.resolve(false);
      return post(
        'identify',
        JSON.stringify({
          visitorKey,
          shareCode,
          phone: String(person.phone),
          consent: {
            granted: true,
            policyVersion: typeof person.consent === 'string' ? person.consent : '1',
          },
        }),
      ).then(
        (answer) => answer.ok,
        () => false,
      );
    },
  };

  queue.push({ type: 'view', eventId: pageViewId, page: page(), occurredAt: now() });
  flush();
})();
