/*
 * <baton-bpmn>: bpmn-js (served as a static browser build) in a plain custom element without
 * shadow DOM, so that its style sheets apply. The server sets the diagram with setXml(xml) and
 * receives every change through $server.changed(xml) and the selection through
 * $server.selected(json). mode="viewer" draws a diagram read-only (operations view). The bpmn.io
 * watermark that bpmn-js draws stays visible (its licence requires it).
 */
(function () {
  if (customElements.get('baton-bpmn')) {
    return;
  }
  const base = document.baseURI;
  const url = (p) => new URL(p, base).toString();
  let libs;

  function loadScript(src) {
    return new Promise((resolve, reject) => {
      const s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = () => reject(new Error('cannot load ' + src));
      document.head.appendChild(s);
    });
  }

  /* Both bundles define window.BpmnJS: load them one after the other and keep each. */
  function loadLibs() {
    if (!libs) {
      libs = (async () => {
        await loadScript(url('libs/bpmn-js/bpmn-navigated-viewer.production.min.js'));
        const Viewer = window.BpmnJS;
        await loadScript(url('libs/bpmn-js/bpmn-modeler.production.min.js'));
        const Modeler = window.BpmnJS;
        const zeebe = await (await fetch(url('libs/bpmn-js/zeebe.json'))).json();
        return { Viewer, Modeler, zeebe };
      })();
    }
    return libs;
  }

  const ZEEBE_TASK = ['zeebe:TaskDefinition', 'zeebe:TaskHeaders', 'zeebe:IoMapping'];

  function ext(bo, type) {
    const e = bo && bo.extensionElements;
    return e && e.values ? e.values.filter((v) => v.$type === type) : [];
  }

  function messageHolder(bo) {
    if (bo.$type === 'bpmn:ReceiveTask') {
      return bo;
    }
    return (bo.eventDefinitions || []).find((d) => d.$type === 'bpmn:MessageEventDefinition');
  }

  class BatonBpmn extends HTMLElement {
    connectedCallback() {
      if (this._started) {
        return;
      }
      this._started = true;
      this.style.display = 'block';
      this.style.position = 'relative';
      this._ready = loadLibs().then(({ Viewer, Modeler, zeebe }) => {
        const Kind = this.getAttribute('mode') === 'viewer' ? Viewer : Modeler;
        this.bpmn = new Kind({ container: this, moddleExtensions: { zeebe } });
        if (Kind === Modeler) {
          this.bpmn.on('commandStack.changed', () => this._sendXml());
          this.bpmn.on('selection.changed', (e) => this._sendSelection(e.newSelection));
          this.bpmn.on('element.changed', (e) => {
            const sel = this.bpmn.get('selection').get();
            if (sel.length === 1 && sel[0] === e.element) {
              this._sendSelection(sel);
            }
          });
        }
        if (Kind === Viewer) {
          this._listenClicks();
        }
        this.setAttribute('data-ready', 'true');
      });
    }

    setXml(xml) {
      this._imported = this._import(xml);
      return this._imported;
    }

    /* Waits for the libraries and the latest import (markers go on the drawn diagram). */
    async _drawn() {
      await this._ready;
      if (this._imported) {
        await this._imported;
      }
    }

    async _import(xml) {
      await this._ready;
      try {
        await this.bpmn.importXML(xml);
        const canvas = this.bpmn.get('canvas');
        canvas.zoom('fit-viewport', 'auto');
        if (this.getAttribute('mode') === 'viewer') {
          /* a small diagram fills the viewer too (fit-viewport never zooms in past 1) */
          const { inner, outer } = canvas.viewbox();
          const scale = Math.min(1.6, (outer.width - 60) / inner.width,
            (outer.height - 60) / inner.height);
          if (scale > 1 && Number.isFinite(scale)) {
            /* centred: the view box of that scale around the diagram's centre */
            const width = outer.width / scale;
            const height = outer.height / scale;
            canvas.viewbox({ x: inner.x + inner.width / 2 - width / 2,
              y: inner.y + inner.height / 2 - height / 2, width, height });
          }
        }
        this._clearPalette();
        this.setAttribute('data-imported', String(Date.now()));
        if (this.$server && this.$server.imported) {
          this.$server.imported(null);
        }
      } catch (e) {
        if (this.$server && this.$server.imported) {
          this.$server.imported(String(e.message || e));
        }
      }
    }

    /* The modeller's palette floats over the canvas's left edge: fit the diagram into the area
       to the right of it, so that no element (the start event) lies under the palette. */
    _clearPalette() {
      const palette = this.querySelector('.djs-palette');
      if (!palette) {
        return;
      }
      const canvas = this.bpmn.get('canvas');
      const vb = canvas.viewbox();
      const inner = vb.inner;
      const W = vb.outer.width;
      const H = vb.outer.height;
      if (!inner || !inner.width || !W || !H) {
        return;
      }
      const left = palette.getBoundingClientRect().right - this.getBoundingClientRect().left + 24;
      const margin = 24;
      const scale = Math.min(1, (W - left - margin) / inner.width,
          (H - 2 * margin) / Math.max(1, inner.height));
      if (scale <= 0) {
        return;
      }
      canvas.viewbox({ x: inner.x - left / scale, y: inner.y - margin / scale,
          width: W / scale, height: H / scale });
      this.setAttribute('data-palette-right', String(Math.round(left)));
    }

    async _sendXml() {
      clearTimeout(this._timer);
      this._timer = setTimeout(async () => {
        const { xml } = await this.bpmn.saveXML({ format: true });
        if (this.$server) {
          this.$server.changed(xml);
        }
      }, 150);
    }

    _sendSelection(selection) {
      if (!this.$server) {
        return;
      }
      if (!selection || selection.length !== 1) {
        this.$server.selected(null);
        return;
      }
      const el = selection[0];
      const bo = el.businessObject;
      const def = ext(bo, 'zeebe:TaskDefinition')[0];
      const headers = ext(bo, 'zeebe:TaskHeaders').flatMap((h) => h.values || [])
        .map((h) => [h.key || '', h.value || '']);
      const io = ext(bo, 'zeebe:IoMapping')[0];
      const pairs = (list) => (list || []).map((p) => [p.target || '', p.source || '']);
      const holder = messageHolder(bo);
      const msg = holder && holder.messageRef;
      const sub = msg ? ext(msg, 'zeebe:Subscription')[0] : null;
      this.$server.selected(JSON.stringify({
        id: el.id, type: bo.$type, name: bo.name || '',
        task: /Task$/.test(bo.$type) && bo.$type !== 'bpmn:ReceiveTask' && bo.$type !== 'bpmn:Task'
          || bo.$type === 'bpmn:Task',
        message: !!holder,
        taskType: def ? def.type || '' : '', retries: def ? def.retries || '' : '',
        headers, inputs: pairs(io && io.inputParameters), outputs: pairs(io && io.outputParameters),
        messageName: msg ? msg.name || '' : '', correlationKey: sub ? sub.correlationKey || '' : '',
      }));
    }

    /* Writes the Zeebe extension elements of one element (undoable, one command each). */
    async apply(id, json) {
      await this._drawn();
      const p = JSON.parse(json);
      const el = this.bpmn.get('elementRegistry').get(id);
      if (!el) {
        return;
      }
      const moddle = this.bpmn.get('moddle');
      const modeling = this.bpmn.get('modeling');
      const bo = el.businessObject;
      if (el.type === 'bpmn:Task' && p.taskType) {
        this.bpmn.get('bpmnReplace').replaceElement(el, { type: 'bpmn:ServiceTask' });
        return this.apply(id, json);
      }
      if (p.name !== undefined && p.name !== (bo.name || '')) {
        modeling.updateLabel(el, p.name);
      }
      if (p.task) {
        const keep = ((bo.extensionElements && bo.extensionElements.values) || [])
          .filter((v) => !ZEEBE_TASK.includes(v.$type));
        const values = [...keep];
        if (p.taskType) {
          const attrs = { type: p.taskType };
          if (p.retries) {
            attrs.retries = String(p.retries);
          }
          values.push(moddle.create('zeebe:TaskDefinition', attrs));
        }
        if (p.headers && p.headers.length) {
          values.push(moddle.create('zeebe:TaskHeaders', {
            values: p.headers.map(([key, value]) => moddle.create('zeebe:Header', { key, value })),
          }));
        }
        const ins = (p.inputs || []).map(([target, source]) => moddle.create('zeebe:Input', { source, target }));
        const outs = (p.outputs || []).map(([target, source]) => moddle.create('zeebe:Output', { source, target }));
        if (ins.length || outs.length) {
          values.push(moddle.create('zeebe:IoMapping', { inputParameters: ins, outputParameters: outs }));
        }
        const extension = moddle.create('bpmn:ExtensionElements', { values });
        values.forEach((v) => { v.$parent = extension; });
        modeling.updateProperties(el, { extensionElements: extension });
      }
      const holder = messageHolder(bo);
      if (holder && (p.messageName || p.correlationKey)) {
        let msg = holder.messageRef;
        if (!msg) {
          const defs = this.bpmn.getDefinitions();
          msg = moddle.create('bpmn:Message', { id: 'Message_' + id, name: p.messageName });
          msg.$parent = defs;
          defs.rootElements.push(msg);
          modeling.updateModdleProperties(el, holder, { messageRef: msg });
        }
        const sub = moddle.create('zeebe:Subscription', { correlationKey: p.correlationKey });
        const extension = moddle.create('bpmn:ExtensionElements', { values: [sub] });
        sub.$parent = extension;
        modeling.updateModdleProperties(el, msg, { name: p.messageName, extensionElements: extension });
      }
    }

    /* Problems from the engine: a red marker and a note on each element named, by id. */
    async showProblems(json) {
      await this._drawn();
      const problems = JSON.parse(json);
      const overlays = this.bpmn.get('overlays');
      const canvas = this.bpmn.get('canvas');
      const registry = this.bpmn.get('elementRegistry');
      overlays.remove({ type: 'baton-problem' });
      registry.getAll().forEach((e) => canvas.removeMarker(e, 'baton-problem'));
      let shown = 0;
      registry.getAll().forEach((e) => canvas.removeMarker(e, 'baton-warning'));
      problems.forEach(({ id, message, warning }) => {
        const el = registry.get(id);
        if (!el || el.type === 'bpmn:Process' || el.type === 'label') {
          return;
        }
        canvas.addMarker(el, warning ? 'baton-warning' : 'baton-problem');
        const note = document.createElement('div');
        note.className = warning ? 'baton-problem-note baton-warning-note' : 'baton-problem-note';
        note.setAttribute('data-element', id);
        note.textContent = message;
        overlays.add(el, 'baton-problem', { position: { bottom: 8, left: 0 }, html: note });
        shown++;
      });
      this.setAttribute('data-problems', String(shown));
    }

    /*
     * Operations: the path an instance took (done, active, incident markers), the sequence flows
     * it took, and per element a badge with its active tokens, incidents and completed count.
     * JSON {completed:[], active:[], incidents:[], flows:[], counts:{id:{active,incidents,
     * completed}}}; each call replaces what the previous one drew.
     */
    async showPath(json) {
      await this._drawn();
      const { completed, active, incidents, flows, counts } = JSON.parse(json);
      const canvas = this.bpmn.get('canvas');
      const registry = this.bpmn.get('elementRegistry');
      const overlays = this.bpmn.get('overlays');
      overlays.remove({ type: 'baton-count' });
      registry.getAll().forEach((e) => ['baton-done', 'baton-active', 'baton-incident',
        'baton-taken'].forEach((c) => canvas.removeMarker(e, c)));
      /* never the process (the root): its marker class would reach every element drawn */
      const mark = (ids, cls) => (ids || []).forEach((id) => {
        const el = registry.get(id);
        if (el && el !== canvas.getRootElement() && el.type !== 'bpmn:Process') {
          canvas.addMarker(el, cls);
        }
      });
      mark(completed, 'baton-done');
      mark(active, 'baton-active');
      mark(incidents, 'baton-incident');
      mark(flows, 'baton-taken');
      let badges = 0;
      Object.entries(counts || {}).forEach(([id, c]) => {
        const el = registry.get(id);
        if (!el || el.type === 'bpmn:Process' || el.type === 'label' || el.waypoints) {
          return;
        }
        const box = document.createElement('div');
        box.className = 'baton-counts';
        box.setAttribute('data-element', id);
        const badge = (n, cls, title) => {
          if (n > 0) {
            const b = document.createElement('span');
            b.className = 'baton-count ' + cls;
            b.textContent = String(n);
            b.title = title;
            box.appendChild(b);
          }
        };
        badge(c.active, 'baton-count-active', 'active');
        badge(c.incidents, 'baton-count-incident', 'incidents');
        badge(c.completed, 'baton-count-completed', 'completed');
        if (box.childNodes.length) {
          overlays.add(el, 'baton-count', { position: { bottom: 10, left: -8 }, html: box });
          badges++;
        }
      });
      this.setAttribute('data-badges', String(badges));
      this.setAttribute('data-path', String((completed || []).length + (active || []).length));
    }

    /* Operations: a click on an element names it to the server (to pick a token's target). */
    _listenClicks() {
      if (this._clicks) {
        return;
      }
      this._clicks = true;
      this.bpmn.on('element.click', (e) => {
        const el = e.element;
        if (this.$server && this.$server.clicked && el && !el.waypoints
            && el.type !== 'bpmn:Process' && el.type !== 'label') {
          this.$server.clicked(el.id);
        }
      });
    }

    /* Test and keyboard helpers: select an element by id, draw the created XML. */
    async select(id) {
      await this._drawn();
      const el = this.bpmn.get('elementRegistry').get(id);
      if (el) {
        this.bpmn.get('selection').select(el);
      }
    }
  }

  customElements.define('baton-bpmn', BatonBpmn);
})();
