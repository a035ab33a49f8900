// Progressive enhancement only: every page works without this file.
// A form marked data-busy shows its progress text and blocks double submission while the request runs.
document.addEventListener('submit', function (event) {
  var form = event.target;
  if (form.hasAttribute('data-busy')) {
    if (form.classList.contains('busy')) { event.preventDefault(); return; }
    form.classList.add('busy');
  }
  var question = form.getAttribute('data-confirm');
  if (question && !window.confirm(question)) { event.preventDefault(); form.classList.remove('busy'); }
});
// The print button of previews.
document.addEventListener('click', function (event) {
  if (event.target.matches('[data-print]')) { window.print(); }
});
// Validate-as-you-type on the budget form: after a pause in typing, the form (with its CSRF field) goes to the
// console's dry-run check and the findings fragment replaces the live list. Stops when the service lacks the dry run.
(function () {
  var form = document.getElementById('budget-form');
  var target = document.getElementById('live-findings');
  if (!form || !target || !window.fetch) { return; }
  var url = form.getAttribute('data-live-check');
  var timer = null;
  var stopped = false;
  form.addEventListener('input', function () {
    if (stopped) { return; }
    clearTimeout(timer);
    timer = setTimeout(function () {
      fetch(url, { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : ''; })
        .then(function (html) {
          if (!html) { return; }
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var content = doc.getElementById('live-findings-content');
          if (!content) { return; }
          if (content.getAttribute('data-unavailable') === 'true') { stopped = true; }
          target.replaceChildren(document.importNode(content, true));
        });
    }, 800);
  });
})();
