// Shared by every page: API calls and their errors, language, the live stream, small DOM and time
// helpers. Nothing here logs to the console: responses hold names and health values.
'use strict';

const App = (() => {
  const LANG_KEY = 'shouwang.lang';
  const LOCALES = { zh: 'zh-CN', en: 'en-GB' };
  const langListeners = [];
  let lang = readLang();

  function readLang() {
    try {
      const stored = localStorage.getItem(LANG_KEY);
      return stored && window.SHOUWANG_I18N[stored] ? stored : 'zh';
    } catch (e) {
      return 'zh';
    }
  }

  /** The translation of key, with {name} placeholders filled from params. */
  function t(key, params) {
    const dict = window.SHOUWANG_I18N[lang];
    let text = dict[key];
    if (text === undefined) text = window.SHOUWANG_I18N.zh[key];
    if (text === undefined) return key;
    if (params) {
      text = text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
    }
    return text;
  }

  /** A translation when the key exists, else the raw value (an enum the tables do not know yet). */
  function label(prefix, value) {
    if (value === null || value === undefined || value === '') return t('common.unknown');
    const key = prefix + '.' + String(value).toLowerCase();
    const text = t(key);
    return text === key ? String(value) : text;
  }

  function applyTranslations(root) {
    document.documentElement.lang = LOCALES[lang];
    (root || document).querySelectorAll('[data-i18n]').forEach((el) => {
      el.textContent = t(el.dataset.i18n);
    });
    (root || document).querySelectorAll('[data-i18n-aria]').forEach((el) => {
      el.setAttribute('aria-label', t(el.dataset.i18nAria));
    });
    (root || document).querySelectorAll('[data-i18n-placeholder]').forEach((el) => {
      el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder));
    });
    document.querySelectorAll('[data-lang]').forEach((b) => {
      b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    });
  }

  function setLang(next) {
    if (!window.SHOUWANG_I18N[next] || next === lang) return;
    lang = next;
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch (e) {
      // Private mode: the choice lasts for this page only.
    }
    applyTranslations();
    langListeners.forEach((fn) => fn(lang));
  }

  /** Calls fn after every language switch, so pages can redraw what they built from data. */
  function onLangChange(fn) {
    langListeners.push(fn);
  }

  /** Wires the language buttons of the page header. */
  function initLangSwitch() {
    document.querySelectorAll('[data-lang]').forEach((b) => {
      b.addEventListener('click', () => setLang(b.dataset.lang));
    });
    applyTranslations();
  }

  class ApiError extends Error {
    constructor(status, code, message, field, retryAfter) {
      super(message || code);
      this.status = status;
      this.code = code;
      this.serverMessage = message || '';
      this.field = field;
      this.retryAfter = retryAfter;
    }
  }

  function onLoginPage() {
    return location.pathname === '/login.html';
  }

  function toLogin() {
    const here = location.pathname + location.search;
    location.assign('/login.html?next=' + encodeURIComponent(here));
  }

  /** Calls the API; resolves with the JSON body, rejects with an ApiError. 401 leads to login. */
  async function api(method, path, body) {
    const init = { method, credentials: 'same-origin', headers: { Accept: 'application/json' } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let res;
    try {
      res = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, 'network', '');
    }
    const text = await res.text();
    let data = null;
    if (text) {
      try {
        data = JSON.parse(text);
      } catch (e) {
        data = null;
      }
    }
    if (!res.ok) {
      const code = (data && data.code) || 'http_' + res.status;
      if (res.status === 401 && code !== 'bad_credentials' && !onLoginPage()) toLogin();
      throw new ApiError(res.status, code, data && data.message, data && data.field,
        res.headers.get('Retry-After'));
    }
    return data;
  }

  /** The text to show for an error: our translation of its code, then the server's reason. */
  function errorText(err) {
    if (!(err instanceof ApiError)) return t('error.internal');
    const key = 'error.' + err.code;
    let text = t(key);
    if (text === key) text = t('error.other', { status: err.status });
    const extra = err.serverMessage && err.code !== 'network' ? ' ' + err.serverMessage : '';
    return text + extra;
  }

  /** Shows an error in the element (role=alert, so screen readers announce it); null clears. */
  function showError(el, err) {
    if (!el) return;
    el.textContent = err ? errorText(err) : '';
    el.hidden = !err;
  }

  /** Builds an element: h('td', {class: 'x', 'data-testid': 'y', onclick: fn}, child, ...). */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name.startsWith('on') && typeof value === 'function') {
        el.addEventListener(name.slice(2), value);
      } else if (name === 'text') {
        el.textContent = value;
      } else if (name === 'class') {
        el.className = value;
      } else {
        el.setAttribute(name, value === true ? '' : value);
      }
    }
    for (const child of children.flat()) {
      if (child === null || child === undefined || child === false) continue;
      el.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return el;
  }

  function locale() {
    return LOCALES[lang];
  }

  function time(iso) {
    if (!iso) return '';
    return new Date(iso).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  }

  function dateTime(iso) {
    if (!iso) return '';
    return new Date(iso).toLocaleString(locale(), {
      month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false,
    });
  }

  /** "3 min 12 s" style text for a span of milliseconds. */
  function duration(ms) {
    const s = Math.max(0, Math.floor(ms / 1000));
    const d = Math.floor(s / 86400);
    const hr = Math.floor((s % 86400) / 3600);
    const m = Math.floor((s % 3600) / 60);
    const sec = s % 60;
    const zh = lang === 'zh';
    if (d > 0) return zh ? `${d}天${hr}小时` : `${d} d ${hr} h`;
    if (hr > 0) return zh ? `${hr}小时${m}分` : `${hr} h ${m} min`;
    if (m > 0) return zh ? `${m}分${sec}秒` : `${m} min ${sec} s`;
    return zh ? `${sec}秒` : `${sec} s`;
  }

  /** Keeps every [data-since] element showing the time elapsed since its ISO timestamp. */
  function tick() {
    const now = Date.now();
    document.querySelectorAll('[data-since]').forEach((el) => {
      el.textContent = t(el.dataset.sinceKey || 'incident.raisedAgo', {
        duration: duration(now - Date.parse(el.dataset.since)),
      });
    });
  }

  function startTicking() {
    tick();
    setInterval(tick, 1000);
  }

  /**
   * Opens the live stream. handlers: {incident, device, page} take the parsed data; onState gets
   * 'live' | 'reconnecting' | 'closed'; onOpen runs on every (re)connect so lists are refetched.
   */
  function stream(handlers, onState, onOpen) {
    let source;
    const open = () => {
      source = new EventSource('/api/v1/stream');
      source.onopen = () => {
        onState('live');
        if (onOpen) onOpen();
      };
      source.onerror = () => {
        if (source.readyState !== EventSource.CLOSED) {
          onState('reconnecting');
          return;
        }
        onState('closed');
        // The browser gave up (e.g. 401): find out whether the session is gone, then retry.
        api('GET', '/api/v1/me').then(() => setTimeout(open, 5000), () => setTimeout(open, 5000));
      };
      for (const [name, fn] of Object.entries(handlers)) {
        source.addEventListener(name, (e) => {
          let data;
          try {
            data = JSON.parse(e.data);
          } catch (err) {
            return;
          }
          fn(data);
        });
      }
    };
    open();
  }

  /** Shows the stream's state in the header's connection indicator. */
  function connectionIndicator(el) {
    return (state) => {
      if (!el) return;
      el.dataset.state = state;
      el.dataset.i18n = 'conn.' + state;
      el.textContent = t('conn.' + state);
    };
  }

  /** Runs fn at most once per delay, however many events ask for it. */
  function debounce(fn, delay) {
    let timer = null;
    return () => {
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        fn();
      }, delay);
    };
  }

  /** The logged-in user; leads to the login page without a session. */
  function me() {
    return api('GET', '/api/v1/me');
  }

  function initLogout() {
    const button = document.getElementById('logout');
    if (!button) return;
    button.addEventListener('click', async () => {
      try {
        await api('DELETE', '/api/v1/session');
      } finally {
        location.assign('/login.html');
      }
    });
  }

  function query(name) {
    return new URLSearchParams(location.search).get(name);
  }

  /** Fills the header's user line. */
  function showUser(user) {
    const el = document.getElementById('user');
    if (!el || !user) return;
    el.textContent = (user.name || user.username) + ' · ' + label('role', user.role);
  }

  /** Shows err in the page's error banner (#page-error); null clears it. */
  function showPageError(err) {
    showError(document.getElementById('page-error'), err);
  }

  /** Shows the translation of key in the page's error banner. */
  function showPageMessage(key) {
    const el = document.getElementById('page-error');
    if (!el) return;
    el.textContent = t(key);
    el.hidden = false;
  }

  /**
   * Starts a signed-in page: wires the header's language and logout buttons, then fetches the user
   * and shows them in the header (again after every language switch). Resolves with the user, or
   * with null once the error banner says why the page cannot go on: the user could not be fetched,
   * or stopKey names the message for a page that lacks what it needs (a missing query parameter).
   */
  async function startPage(stopKey) {
    initLangSwitch();
    initLogout();
    if (stopKey) {
      showPageMessage(stopKey);
      return null;
    }
    let user;
    try {
      user = await me();
    } catch (err) {
      showPageError(err);
      return null;
    }
    showUser(user);
    onLangChange(() => showUser(user));
    return user;
  }

  /**
   * A page's load function that reports its own outcome: the error banner is cleared when fn
   * succeeds and shows why when it fails, so the returned function never rejects.
   */
  function loader(fn) {
    return async (...args) => {
      try {
        await fn(...args);
        showPageError(null);
      } catch (err) {
        showPageError(err);
      }
    };
  }

  return {
    t, label, h, api, ApiError, errorText, showError, setLang, onLangChange, initLangSwitch,
    applyTranslations, time, dateTime, duration, tick, startTicking, stream, connectionIndicator,
    debounce, me, initLogout, query, showUser, showPageError, showPageMessage, startPage, loader,
    lang: () => lang, locale,
  };
})();
