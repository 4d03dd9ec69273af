/*
 * Draws an opportunity's flow with bpmn-js's Viewer (window.BpmnJS, loaded before this from /bpmn-js/): open
 * substates highlighted, each action marked with its latest outcome. Served as a static file, outside Vaadin's
 * frontend bundle; the opportunity page calls window.flowstateDiagram.render(frame, xml, highlighted, marks, labels).
 */
(function () {
  const SYMBOLS = { done: '✓', failed: '✕', retrying: '↻', scheduled: '…' };

  async function render(frame, xml, highlighted, marks, labels) {
    const canvasElement = frame.querySelector('.fs-diagram-canvas');
    if (frame.__flowstateViewer) {
      frame.__flowstateViewer.destroy();
    }
    const viewer = new window.BpmnJS({ container: canvasElement });
    frame.__flowstateViewer = viewer;
    frame.removeAttribute('data-rendered');
    try {
      await viewer.importXML(xml);
    } catch (error) {
      frame.setAttribute('data-error', String(error && error.message || error));
      return;
    }
    const canvas = viewer.get('canvas');
    const overlays = viewer.get('overlays');
    const registry = viewer.get('elementRegistry');
    highlighted.forEach((id) => {
      if (registry.get(id)) {
        canvas.addMarker(id, 'fs-open');
        overlays.add(id, { position: { top: -22, left: 0 }, html: badge('open', labels.open, '●') });
      }
    });
    Object.entries(marks).forEach(([id, mark]) => {
      if (registry.get(id)) {
        canvas.addMarker(id, 'fs-' + mark);
        overlays.add(id, { position: { top: -10, right: 12 }, html: badge(mark, labels[mark], SYMBOLS[mark]) });
      }
    });
    // The diagram keeps a readable size and scrolls inside its frame, instead of shrinking to a stamp.
    const inner = canvas.viewbox().inner;
    const scale = frame.clientWidth < 600 ? 0.5 : 0.62;
    canvasElement.style.width = Math.ceil((inner.width + 80) * scale) + 'px';
    canvasElement.style.height = Math.ceil((inner.height + 80) * scale) + 'px';
    canvas.resized();
    canvas.viewbox({ x: inner.x - 40, y: inner.y - 40, width: inner.width + 80, height: inner.height + 80 });
    const first = highlighted.map((id) => registry.get(id)).find(Boolean);
    if (first) {
      frame.scrollLeft = Math.max(0, (first.x - inner.x) * scale - frame.clientWidth / 3);
      frame.scrollTop = Math.max(0, (first.y - inner.y) * scale - 40);
    }
    frame.setAttribute('data-rendered', 'true');
  }

  function badge(mark, label, symbol) {
    const span = document.createElement('span');
    span.className = 'fs-mark fs-mark-' + mark;
    span.title = label || mark;
    span.textContent = symbol + (mark === 'open' ? ' ' + (label || '') : '');
    return span;
  }

  window.flowstateDiagram = { render };
})();
