// The login form: POST /api/v1/session, then on to the page the user came from, or the role's page.
'use strict';

(() => {
  const { t } = App;
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');
  const submit = document.getElementById('login-submit');
  let retryTimer = null;
  let retryLeft = 0;
  let shown = null; // what the error line says, kept so a language switch can redraw it

  App.initLangSwitch();

  /** Only a path on this site: never follow ?next= to another origin. */
  function nextPage() {
    const next = App.query('next');
    return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')
      ? next : '/';
  }

  function say(message) {
    shown = message;
    if (!message) {
      error.hidden = true;
      error.textContent = '';
      return;
    }
    error.textContent = message.err ? App.errorText(message.err) : t(message.key, message.params);
    error.hidden = false;
  }

  function busy(on) {
    submit.disabled = on || retryLeft > 0;
    submit.textContent = t(on ? 'login.busy' : 'login.submit');
  }

  /** Counts the server's Retry-After down, with the button disabled until it is over. */
  function waitRetry(seconds) {
    clearInterval(retryTimer);
    retryLeft = seconds;
    say({ key: 'login.too_many', params: { seconds: retryLeft } });
    busy(false);
    retryTimer = setInterval(() => {
      retryLeft -= 1;
      if (retryLeft <= 0) {
        clearInterval(retryTimer);
        say(null);
        busy(false);
        return;
      }
      say({ key: 'login.too_many', params: { seconds: retryLeft } });
    }, 1000);
  }

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const username = form.username.value.trim();
    const password = form.password.value;
    if (!username || !password) {
      (username ? form.password : form.username).focus();
      return;
    }
    say(null);
    busy(true);
    try {
      await App.api('POST', '/api/v1/session', { username, password });
      location.assign(nextPage());
      return;
    } catch (err) {
      form.password.value = '';
      busy(false);
      if (err.code === 'too_many_attempts') {
        const seconds = parseInt(err.retryAfter, 10);
        if (seconds > 0) waitRetry(seconds);
        else say({ key: 'login.too_many_later' });
      } else if (err.status === 401) {
        say({ key: 'login.bad_credentials' });
      } else {
        say({ err });
      }
      form.password.focus();
    }
  });

  App.onLangChange(() => {
    say(shown);
    busy(submit.disabled && retryLeft <= 0);
  });
})();
