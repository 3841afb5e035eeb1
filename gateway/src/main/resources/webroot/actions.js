// The incident actions (accept, on site, resolve, cancel, assign): their buttons, the small forms
// they need, and the API call. A refused action (409) is shown with the server's reason.
'use strict';

const Actions = (() => {
  const { h, t } = App;
  const OUTCOMES = ['helped_at_home', 'hospital', 'fire_brigade', 'gas_company', 'no_one_hurt', 'device_fault', 'other'];
  const REASONS = ['false_alarm', 'settled_by_phone', 'duplicate', 'test'];
  const ETA_PICKS = [5, 10, 15, 20, 30];
  const PATHS = { accept: 'accept', on_site: 'on-site', resolve: 'resolve', cancel: 'cancel', assign: 'assign' };

  function post(action, incident, body) {
    return App.api('POST', `/api/v1/incidents/${encodeURIComponent(incident.id)}/${PATHS[action]}`, body);
  }

  function toast(text) {
    const el = document.getElementById('toast');
    if (!el) return;
    el.textContent = text;
    el.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { el.hidden = true; }, 4000);
  }

  function field(labelKey, control) {
    return h('label', { class: 'field' }, h('span', {}, t(labelKey)), control);
  }

  function etaForm() {
    const input = h('input', {
      type: 'number', name: 'eta', min: '1', max: '1440', value: '10', required: true,
      inputmode: 'numeric', 'data-testid': 'eta-input',
    });
    const picks = h('div', { class: 'eta-picks', role: 'group', 'aria-label': t('action.eta') },
      ETA_PICKS.map((n) => h('button', {
        type: 'button', class: 'pick', 'data-testid': 'eta-pick-' + n,
        onclick: () => { input.value = String(n); },
      }, t('common.minutes', { n }))));
    return { fields: [field('action.eta', input), picks], body: () => ({ etaMinutes: Number(input.value) }) };
  }

  function resolveForm() {
    const outcome = h('select', { name: 'outcome', required: true, 'data-testid': 'outcome-select' },
      OUTCOMES.map((o) => h('option', { value: o }, t('outcome.' + o))));
    const note = h('textarea', { name: 'note', rows: '3', maxlength: '1000', 'data-testid': 'note-input' });
    return {
      fields: [field('action.outcome', outcome), field('action.note', note)],
      body: () => ({ outcome: outcome.value, note: note.value.trim() }),
    };
  }

  function cancelForm() {
    const reason = h('select', { name: 'reason', required: true, 'data-testid': 'reason-select' },
      REASONS.map((r) => h('option', { value: r }, t('reason.' + r))));
    const note = h('textarea', { name: 'note', rows: '2', maxlength: '500', 'data-testid': 'note-input' });
    return {
      fields: [field('action.reason', reason), field('action.note', note)],
      body: () => ({ reason: note.value.trim() ? `${reason.value}: ${note.value.trim()}` : reason.value }),
    };
  }

  function assignForm(caregivers) {
    const select = h('select', { name: 'assignee', required: true, 'data-testid': 'assignee-select' },
      caregivers.map((c) => h('option', { value: c.id }, c.name + (c.gridName ? ' · ' + c.gridName : ''))));
    const fields = caregivers.length ? [field('action.assignee', select)]
      : [h('p', { class: 'muted' }, t('action.noCaregivers'))];
    return { fields, body: () => ({ assignee: select.value }), disabled: !caregivers.length };
  }

  /** Opens the action's form in a modal dialog; resolves once the action succeeded or was dropped. */
  function dialog(action, incident, form, onDone) {
    const error = h('p', { class: 'error', role: 'alert', hidden: true, 'data-testid': 'dialog-error' });
    const submit = h('button', {
      type: 'submit', class: 'primary', 'data-testid': 'dialog-submit', disabled: form.disabled,
    }, t('action.' + action));
    const close = h('button', { type: 'button', 'data-testid': 'dialog-close' }, t('common.cancel'));
    const titleId = 'action-dialog-title';
    const el = h('dialog', {
      class: 'action-dialog', 'data-testid': 'action-dialog', 'data-action': action,
      'aria-labelledby': titleId,
    },
    h('form', {},
      h('h2', { id: titleId }, t('action.' + action + '.title')),
      h('p', { class: 'muted' }, App.label('cause', incident.cause) + ' · ' + Incidents.where(incident)),
      form.fields, error,
      h('div', { class: 'dialog-buttons' }, close, submit)));
    close.addEventListener('click', () => el.close());
    el.addEventListener('close', () => el.remove());
    el.querySelector('form').addEventListener('submit', async (e) => {
      e.preventDefault();
      submit.disabled = true;
      try {
        const detail = await post(action, incident, form.body());
        el.close();
        toast(t('action.done'));
        onDone(detail);
      } catch (err) {
        App.showError(error, err);
        submit.disabled = false;
      }
    });
    document.body.append(el);
    el.showModal();
  }

  /**
   * Runs one action. ctx.caregivers(incident) lists whom the incident may be assigned to;
   * onDone(detail) redraws the page.
   */
  async function run(action, incident, ctx, onDone) {
    App.showPageError(null);
    if (action === 'accept') return dialog(action, incident, etaForm(), onDone);
    if (action === 'resolve') return dialog(action, incident, resolveForm(), onDone);
    if (action === 'cancel') return dialog(action, incident, cancelForm(), onDone);
    if (action === 'assign') {
      const caregivers = ctx && ctx.caregivers ? await ctx.caregivers(incident) : [];
      return dialog(action, incident, assignForm(caregivers), onDone);
    }
    // On site needs no form: the responder is there.
    try {
      const detail = await post(action, incident, {});
      toast(t('action.done'));
      onDone(detail);
    } catch (err) {
      App.showPageError(err);
    }
    return undefined;
  }

  /** The buttons for what this user may do to the incident now. */
  function buttons(incident, me, ctx, onDone) {
    const actions = Incidents.actionsFor(incident, me);
    if (!actions.length) return null;
    return h('div', { class: 'actions' }, actions.map((a) => h('button', {
      type: 'button', class: 'action action-' + a + (a === 'cancel' ? ' secondary' : ''),
      'data-testid': 'action-' + a, 'data-incident-id': incident.id,
      onclick: (e) => {
        e.stopPropagation();
        run(a, incident, ctx, onDone);
      },
    }, t('action.' + a))));
  }

  return { buttons, run };
})();
