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
  // Each finding is also shown beside its field (or the nearest enclosing field, else its section's heading), as the
  // server does after "保存并校验"; the previous live notes go first.
  function anchorFor(path) {
    var p = path;
    while (p) {
      var field = document.getElementById('f-' + p.replace(/[^A-Za-z0-9]/g, '-'));
      if (field) { return field; }
      var cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) { break; }
      p = p.substring(0, cut);
    }
    var section = document.getElementById('s-' + path.split(/[.\[]/)[0]);
    return section ? section.querySelector('h2') : null;
  }
  function besideFields() {
    form.querySelectorAll('.live-note').forEach(function (n) { n.remove(); });
    target.querySelectorAll('li[data-path]').forEach(function (item) {
      var anchor = anchorFor(item.getAttribute('data-path'));
      var link = item.querySelector('a');
      if (!anchor || !link) { return; }
      var note = document.createElement('span');
      note.className = link.className + ' live-note';
      note.replaceChildren.apply(note, Array.prototype.map.call(link.childNodes, function (c) { return c.cloneNode(true); }));
      anchor.insertAdjacentElement('afterend', note);
    });
  }
  form.addEventListener('input', function () {
    if (stopped) { return; }
    clearTimeout(timer);
    timer = setTimeout(function () {
      // urlencoded, as the form itself posts: a multipart body of the whole form exceeds Tomcat's part limit
      fetch(url, { method: 'POST', body: new URLSearchParams(new FormData(form)), credentials: 'same-origin' })
        .then(function (r) { return r.ok ? r.text() : ''; })
        .then(function (html) {
          if (!html) { return; }
          var doc = new DOMParser().parseFromString(html, 'text/html');
          var content = doc.getElementById('live-findings-content');
          if (!content) { return; }
          if (content.getAttribute('data-unavailable') === 'true') { stopped = true; }
          target.replaceChildren(document.importNode(content, true));
          besideFields();
        });
    }, 800);
  });
})();
