// Progressive enhancement of the admin's forms: everything works without it.
// When a form comes back with problems, the error summary takes the focus, so keyboard and screen
// reader users start there; its links then move the focus to the field, not only the view (a
// fragment link alone scrolls but leaves the focus behind).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.focus();
  }
  document.querySelectorAll(".error-summary a[href^='#']").forEach(function (link) {
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) {
      return;
    }
    var focusField = function (event) {
      event.preventDefault();
      field.focus();
      field.scrollIntoView({ block: "center" });
    };
    link.addEventListener("click", focusField);
    // Enter is handled when pressed: were the focus moved on its click, the rest of the key press
    // would reach the field and submit the form.
    link.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        focusField(event);
      }
    });
  });
});

// Issue 11, friendly inputs: the bar of save buttons sticks to the bottom of the window
// (admin.css). The browser scrolls to a field that gets the focus only when it is off screen, not
// when it is under the bar: such a field is scrolled up above the bar, its top kept in view.
document.addEventListener("focusin", function (event) {
  var form = event.target.closest ? event.target.closest("form") : null;
  var bar = form ? form.querySelector(".form-bar") : null;
  if (!bar || bar.contains(event.target)) {
    return;
  }
  var field = event.target.getBoundingClientRect();
  var barTop = bar.getBoundingClientRect().top;
  if (field.height > 0 && field.bottom > barTop - 8 && field.top < window.innerHeight) {
    window.scrollBy(0, Math.max(0, Math.min(field.bottom - barTop + 8, field.top - 8)));
  }
});
