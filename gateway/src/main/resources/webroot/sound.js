// The wall screen's alarm tone, made with WebAudio so there is no sound file to ship. Browsers only
// let a page play sound after a user gesture, so the context is created on the first click or key.
'use strict';

const Sound = (() => {
  const KEY = 'shouwang.sound';
  let context = null;
  let enabled = localStorage.getItem(KEY) !== 'off';

  function unlock() {
    if (!context) {
      const Ctor = window.AudioContext || window.webkitAudioContext;
      if (!Ctor) return;
      context = new Ctor();
    }
    if (context.state === 'suspended') context.resume();
  }

  document.addEventListener('pointerdown', unlock, { capture: true });
  document.addEventListener('keydown', unlock, { capture: true });

  /** Three short alternating tones: urgent, but not a siren in a quiet office. */
  function alarm() {
    if (!enabled || !context || context.state !== 'running') return false;
    const start = context.currentTime + 0.02;
    for (let i = 0; i < 3; i++) {
      const at = start + i * 0.3;
      const osc = context.createOscillator();
      const gain = context.createGain();
      osc.type = 'square';
      osc.frequency.value = i % 2 === 0 ? 880 : 660;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25);
      osc.connect(gain).connect(context.destination);
      osc.start(at);
      osc.stop(at + 0.26);
    }
    return true;
  }

  /** Wires the header's sound toggle button. */
  function initToggle(button) {
    if (!button) return;
    const render = () => {
      button.dataset.i18n = enabled ? 'sound.on' : 'sound.off';
      button.textContent = App.t(button.dataset.i18n);
      button.setAttribute('aria-pressed', String(enabled));
    };
    button.addEventListener('click', () => {
      enabled = !enabled;
      localStorage.setItem(KEY, enabled ? 'on' : 'off');
      render();
    });
    render();
  }

  return { alarm, initToggle };
})();
