// The login form: POST /api/v1/session, then on to the page the user came from, or the role's page.
'use strict';

(() => {
  const { t } = App;
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');
  const submit = document.getElementById('login-submit');
  let retryTimer = null;

  App.initLangSwitch();

  /** Only a path on this site: never follow ?next= to another origin. */
  function nextPage() {
    const next = App.query('next');
    return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login')
      ? next : '/';
  }

  function showRetry(seconds) {
    clearInterval(retryTimer);
    let left = seconds;
    const render = () => {
      error.textContent = t('login.too_many', { seconds: left });
      error.hidden = false;
    };
    render();
    submit.disabled = true;
    retryTimer = setInterval(() => {
      left -= 1;
      if (left <= 0) {
        clearInterval(retryTimer);
        submit.disabled = false;
        error.hidden = true;
        return;
      }
      render();
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
    App.showError(error, null);
    submit.disabled = true;
    submit.textContent = t('login.busy');
    try {
      await App.api('POST', '/api/v1/session', { username, password });
      location.assign(nextPage());
      return;
    } catch (err) {
      form.password.value = '';
      if (err.code === 'too_many_attempts') {
        const seconds = parseInt(err.retryAfter, 10);
        if (seconds > 0) {
          submit.textContent = t('login.submit');
          showRetry(seconds);
          return;
        }
        error.textContent = t('login.too_many_later');
        error.hidden = false;
      } else if (err.status === 401) {
        error.textContent = t('login.bad_credentials');
        error.hidden = false;
      } else {
        App.showError(error, err);
      }
      form.password.focus();
    }
    submit.disabled = false;
    submit.textContent = t('login.submit');
  });

  App.onLangChange(() => {
    submit.textContent = t(submit.disabled && !retryTimer ? 'login.busy' : 'login.submit');
  });
})();
