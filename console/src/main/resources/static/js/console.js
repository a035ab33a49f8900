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
