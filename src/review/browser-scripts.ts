/**
 * The little JavaScript the site runs in the browser (inline, no library): filtering the index, and
 * the provenance panel of a report page. Written as plain ES2017 text; it touches the page with
 * textContent only, so no value from a report is ever parsed as HTML.
 */

/** Index: search box and the selects filter the rows by their data attributes. */
export const INDEX_SCRIPT = `
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll('#reports tbody tr'));
  var search = document.getElementById('search');
  var selects = Array.prototype.slice.call(document.querySelectorAll('.filters select'));
  var count = document.getElementById('shown');
  function matches(tr) {
    var q = search.value.trim().toLowerCase();
    if (q && tr.dataset.search.indexOf(q) < 0) return false;
    return selects.every(function (s) {
      if (s.value === '') return true;
      if (s.id === 'filter-checks') return s.value === 'failed' ? tr.dataset.failed !== '0' : tr.dataset.failed === '0';
      return tr.dataset[s.dataset.field] === s.value;
    });
  }
  function apply() {
    var shown = 0;
    rows.forEach(function (tr) {
      var ok = matches(tr);
      tr.classList.toggle('hidden', !ok);
      if (ok) shown++;
    });
    count.textContent = String(shown);
  }
  search.addEventListener('input', apply);
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  apply();
})();
`;

/** Report page: a click (or Enter) on a cell shows its provenance, its checks and, for PDFs, a crop of the page. */
export const REPORT_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  // What the two sides of a check are: the printed and the computed total, or last year's and this year's figure.
  data.sides = function (c) {
    return c.id.indexOf('crossYear.') === 0 ? 'carried forward the year before ' + c.expected + ', carried over this year ' + c.actual : 'printed ' + c.expected + ', computed ' + c.actual;
  };
  var panel = document.getElementById('provenance');
  function row(dl, name, value) {
    var dt = document.createElement('dt'); dt.textContent = name;
    var dd = document.createElement('dd'); dd.textContent = value === null || value === undefined || value === '' ? '—' : String(value);
    dl.appendChild(dt); dl.appendChild(dd);
  }
  function show(td) {
    Array.prototype.forEach.call(document.querySelectorAll('td.cell.selected'), function (e) { e.classList.remove('selected'); });
    td.classList.add('selected');
    var key = td.dataset.key;
    var cell = data.cells[key];
    panel.textContent = '';
    var h = document.createElement('h3'); h.textContent = key; panel.appendChild(h);
    var dl = document.createElement('dl'); dl.id = 'provenance-fields';
    if (!cell) { row(dl, 'flag', 'missing'); row(dl, 'note', 'no cell for this key in the record'); panel.appendChild(dl); return; }
    row(dl, 'value', cell.value);
    row(dl, 'raw', JSON.stringify(cell.raw));
    row(dl, 'flag', cell.flag);
    row(dl, 'method', cell.method);
    row(dl, 'page', cell.page);
    row(dl, 'confidence', cell.confidence);
    if (cell.line !== undefined) row(dl, 'line', cell.line);
    if (cell.grid) row(dl, 'grid', 'table ' + cell.grid.table + ', row ' + cell.grid.row + ', column ' + cell.grid.column);
    if (cell.bbox) row(dl, 'bbox', [cell.bbox.x0, cell.bbox.y0, cell.bbox.x1, cell.bbox.y1].map(function (v) { return Math.round(v * 10) / 10; }).join(', '));
    panel.appendChild(dl);
    var checks = data.checksByCell[key] || [];
    if (checks.length) {
      var ul = document.createElement('ul'); ul.className = 'checks';
      checks.forEach(function (i) {
        var c = data.checks[i];
        var li = document.createElement('li'); li.className = c.pass ? 'pass' : 'fail';
        li.textContent = (c.pass ? '✓ ' : '✗ ') + c.id + ': ' + c.description + ' (' + data.sides(c) + ')';
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    var image = cell.page && data.pageImages[String(cell.page)];
    if (image && cell.bbox) {
      // The cell with its row's neighbours on either side, and a line above and below.
      var mx = 160, my = 50, s = image.scale;
      var x0 = Math.max(0, cell.bbox.x0 * s - mx), y0 = Math.max(0, cell.bbox.y0 * s - my);
      var w = Math.min(image.width - x0, (cell.bbox.x1 - cell.bbox.x0) * s + 2 * mx), hgt = Math.min(image.height - y0, (cell.bbox.y1 - cell.bbox.y0) * s + 2 * my);
      var zoom = Math.min(1, 320 / w);
      var crop = document.createElement('div'); crop.className = 'crop';
      crop.style.width = Math.round(w * zoom) + 'px'; crop.style.height = Math.round(hgt * zoom) + 'px';
      crop.style.backgroundImage = 'url(' + image.src + ')';
      crop.style.backgroundSize = Math.round(image.width * zoom) + 'px ' + Math.round(image.height * zoom) + 'px';
      crop.style.backgroundPosition = (-x0 * zoom) + 'px ' + (-y0 * zoom) + 'px';
      crop.title = 'page ' + cell.page + ' around the cell';
      var mark = document.createElement('div'); mark.className = 'crop-mark';
      mark.style.left = ((cell.bbox.x0 * s - x0) * zoom) + 'px'; mark.style.top = ((cell.bbox.y0 * s - y0) * zoom) + 'px';
      mark.style.width = ((cell.bbox.x1 - cell.bbox.x0) * s * zoom) + 'px'; mark.style.height = ((cell.bbox.y1 - cell.bbox.y0) * s * zoom) + 'px';
      crop.appendChild(mark);
      panel.appendChild(crop);
    }
  }
  Array.prototype.forEach.call(document.querySelectorAll('td.cell'), function (td) {
    td.addEventListener('click', function () { show(td); });
    td.addEventListener('keydown', function (e) { if (e.key === 'Enter') show(td); });
  });
})();
`;
