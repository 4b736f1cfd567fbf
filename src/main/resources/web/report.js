(function () {
  'use strict';
  var form = document.getElementById('filters');
  if (!form) { return; }
  var kind = form.elements.namedItem('kind');
  var verdict = form.elements.namedItem('verdict');
  var status = document.getElementById('filter-status');
  var findings = document.querySelectorAll('.finding');
  function chosen(select) {
    return select.value ? select.value.split(',') : null;
  }
  function apply() {
    var kinds = chosen(kind), verdicts = chosen(verdict), shown = 0;
    Array.prototype.forEach.call(findings, function (f) {
      var match = (!kinds || kinds.indexOf(f.getAttribute('data-kind')) >= 0) &&
          (!verdicts || verdicts.indexOf(f.getAttribute('data-verdict')) >= 0);
      f.hidden = !match;
      if (match) { shown++; }
    });
    Array.prototype.forEach.call(document.querySelectorAll('section.verdict'), function (s) {
      var visible = s.querySelectorAll('.finding:not([hidden])').length;
      var total = Number(s.getAttribute('data-total'));
      var count = s.querySelector('.count');
      if (count) { count.textContent = visible === total ? '(' + total + ')' : '(' + visible + ' of ' + total + ')'; }
      var empty = s.querySelector('.empty');
      if (empty) {
        empty.hidden = visible > 0;
        empty.textContent = total === 0 ? 'None found.' : 'None match the filters.';
      }
      var details = s.querySelector('details');
      if (details && verdicts && verdicts.indexOf(s.getAttribute('data-verdict')) >= 0) { details.open = true; }
    });
    status.textContent = 'Showing ' + shown + ' of ' + findings.length + ' findings.';
  }
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); apply(); });
  var button = form.querySelector('button[type=submit]');
  if (button) { button.hidden = true; }
}());
