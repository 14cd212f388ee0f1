/**
 * The report's only script, inlined and allowed by its SHA-256 hash in the Content-Security-Policy.
 * It adds filtering to a page that is complete without it: every finding is in the markup, the
 * filter bar is `hidden` until this script shows it. It reads untrusted text only through
 * `textContent`, JSON.parse and `new Option`, never as markup, and it fetches nothing.
 *
 * Kept as plain JavaScript text (not a compiled function's source) so the bytes hashed at render
 * time are exactly the bytes the browser runs, whatever tool built the package.
 */
export const SCRIPT = String.raw`(() => {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const dataElement = $('cc-data');
  const form = $('cc-filters');
  const table = $('cc-findings');
  if (!dataElement || !form || !table) return;
  const data = JSON.parse(dataElement.textContent || '{}');
  const controls = Array.isArray(data.controls) ? data.controls : [];
  const frameworks = Array.isArray(data.frameworks) ? data.frameworks : [];
  const search = $('cc-search');
  const controlSelect = $('cc-control');
  const frameworkSelect = $('cc-framework');
  const count = $('cc-count');
  const empty = $('cc-empty');

  controls.forEach((control, index) => controlSelect.add(new Option(control.label, String(index))));
  frameworks.forEach((framework, index) =>
    frameworkSelect.add(new Option(framework.label, String(index))),
  );

  const items = Array.from(table.querySelectorAll('tbody tr.finding'), (row) => {
    let text = '';
    for (const part of row.querySelectorAll('[data-search]')) text += ' ' + part.textContent;
    const control = controls[Number(row.getAttribute('data-control'))];
    return {
      row,
      severity: row.getAttribute('data-severity'),
      status: row.getAttribute('data-status'),
      control: row.getAttribute('data-control'),
      frameworks: control && Array.isArray(control.frameworks) ? control.frameworks : [],
      text: text.toLowerCase(),
    };
  });

  const checked = (name) =>
    new Set(Array.from(form.querySelectorAll('input[name="' + name + '"]:checked'), (box) => box.value));

  const readFilters = () => ({
    severities: checked('severity'),
    statuses: checked('status'),
    control: controlSelect.value,
    framework: frameworkSelect.value === '' ? -1 : Number(frameworkSelect.value),
    terms: search.value.toLowerCase().split(' ').filter((term) => term !== ''),
  });

  // ignore names the facet being counted, so its own boxes show what ticking them would add.
  const matches = (item, filters, ignore) =>
    (ignore === 'severity' || filters.severities.has(item.severity)) &&
    (ignore === 'status' || filters.statuses.has(item.status)) &&
    (filters.control === '' || item.control === filters.control) &&
    (filters.framework < 0 || item.frameworks.includes(filters.framework)) &&
    filters.terms.every((term) => item.text.includes(term));

  const updateFacet = (facet, key) => {
    const counts = new Map();
    for (const item of items) {
      if (matches(item, filters, facet)) counts.set(item[key], (counts.get(item[key]) || 0) + 1);
    }
    for (const label of form.querySelectorAll('[data-count-' + facet + ']')) {
      label.textContent = String(counts.get(label.getAttribute('data-count-' + facet)) || 0);
    }
  };

  let filters = readFilters();
  const apply = () => {
    filters = readFilters();
    let shown = 0;
    for (const item of items) {
      const visible = matches(item, filters, '');
      if (item.row.hidden === visible) item.row.hidden = !visible;
      if (visible) shown++;
    }
    updateFacet('severity', 'severity');
    updateFacet('status', 'status');
    count.textContent =
      shown === items.length
        ? items.length + ' finding' + (items.length === 1 ? '' : 's')
        : 'showing ' + shown + ' of ' + items.length;
    empty.hidden = shown !== 0 || items.length === 0;
  };

  // input fires for boxes and selects too; typing is debounced so long reports stay responsive.
  let timer = 0;
  form.addEventListener('input', (event) => {
    clearTimeout(timer);
    if (event.target === search) timer = setTimeout(apply, 120);
    else apply();
  });
  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('reset', () => setTimeout(apply, 0));

  const remediations = () => document.querySelectorAll('details.remediation-details');
  $('cc-expand').addEventListener('click', () => remediations().forEach((d) => (d.open = true)));
  $('cc-collapse').addEventListener('click', () => remediations().forEach((d) => (d.open = false)));

  // Printed copies go to auditors: open every remediation, then restore what the reader had.
  let closedBeforePrint = [];
  window.addEventListener('beforeprint', () => {
    closedBeforePrint = Array.from(document.querySelectorAll('details:not([open])'));
    closedBeforePrint.forEach((d) => (d.open = true));
  });
  window.addEventListener('afterprint', () => {
    closedBeforePrint.forEach((d) => (d.open = false));
    closedBeforePrint = [];
  });

  form.hidden = false;
  apply();
})();
`;
