// Helpers the browser test installs in each page as window.__gdkit. They only
// read the page (and hash images): every action on the page is a real input
// event sent by the test.
window.__gdkit = {
  // panel is the notebook in the main area (JupyterLab or Notebook 7).
  panel() {
    const app = window.jupyterapp;
    const w = app && app.shell && app.shell.currentWidget;
    return w && w.content && w.content.model ? w : null;
  },

  cells() {
    const w = this.panel();
    return w ? Array.from(w.content.node.querySelectorAll('.jp-Cell')) : [];
  },

  // state: the kernel's status, open dialogs, and each cell's prompt and
  // whether a slider shows in its outputs.
  state() {
    const w = this.panel();
    const ctx = w && w.sessionContext;
    const kernel = ctx && ctx.session && ctx.session.kernel;
    return JSON.stringify({
      app: !!window.jupyterapp,
      notebook: !!w,
      kernel: kernel ? kernel.status : '',
      connection: kernel ? kernel.connectionStatus : '',
      ready: !!(ctx && ctx.isReady),
      dialog: Array.from(document.querySelectorAll('.jp-Dialog')).map((d) => d.innerText).join('\n'),
      cells: this.cells().map((c) => {
        const p = c.querySelector('.jp-InputPrompt');
        return {
          code: c.classList.contains('jp-CodeCell'),
          prompt: p ? p.innerText.trim() : '',
          outputs: c.querySelectorAll('.jp-OutputArea-output').length,
          slider: !!c.querySelector('.jp-OutputArea input[type=range]'),
        };
      }),
    });
  },

  // model is the notebook as JupyterLab holds it (nbformat JSON).
  model() {
    return JSON.stringify(this.panel().content.model.toJSON());
  },

  // outputs describes what cell i shows: its output text, and each <img>
  // or <svg> with its rendered size.
  outputs(i) {
    const c = this.cells()[i];
    const outs = Array.from(c.querySelectorAll('.jp-OutputArea-output'));
    const figs = Array.from(c.querySelectorAll('.jp-OutputArea-output img, .jp-OutputArea-output svg')).map((e) => {
      const r = e.getBoundingClientRect();
      const img = e.tagName === 'IMG';
      return {
        tag: e.tagName.toLowerCase(),
        w: r.width,
        h: r.height,
        loaded: img ? e.complete : true,
        natural: img ? e.naturalWidth : 1,
      };
    });
    return JSON.stringify({ text: outs.map((o) => o.innerText).join('\n'), figs });
  },

  // image hashes the pixels of the first image cell i shows ("" if none is
  // decoded yet): it changes exactly when the figure does.
  image(i) {
    const c = this.cells()[i];
    const img = c && c.querySelector('.jp-OutputArea-output img');
    if (!img || !img.complete || !img.naturalWidth) return '';
    const cv = document.createElement('canvas');
    cv.width = img.naturalWidth;
    cv.height = img.naturalHeight;
    const g = cv.getContext('2d');
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, cv.width, cv.height).data;
    let h = 2166136261;
    for (let k = 0; k < d.length; k += 4) {
      h ^= d[k] | (d[k + 1] << 8) | (d[k + 2] << 16);
      h = Math.imul(h, 16777619);
    }
    return cv.width + 'x' + cv.height + ':' + (h >>> 0).toString(16);
  },

  // slider describes the slider of cell i: its value and range, the label
  // next to it and whether the "Listo" button is there.
  slider(i) {
    const c = this.cells()[i];
    const s = c && c.querySelector('.jp-OutputArea input[type=range]');
    if (!s) return JSON.stringify({ present: false });
    const label = c.querySelector('[id^=gdkit_slider_label_]');
    const button = Array.from(c.querySelectorAll('.jp-OutputArea button')).find((b) => b.innerText.trim() === 'Listo');
    return JSON.stringify({
      present: true,
      value: +s.value,
      min: +s.min,
      max: +s.max,
      label: label ? label.innerText : '',
      button: !!button,
    });
  },

  sliderInput(i) {
    return this.cells()[i].querySelector('.jp-OutputArea input[type=range]');
  },

  listoButton(i) {
    return Array.from(this.cells()[i].querySelectorAll('.jp-OutputArea button')).find((b) => b.innerText.trim() === 'Listo');
  },

  cell(i) {
    return this.cells()[i];
  },
};
