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

// Issue 11, images in the form: leaving a form with changes that were not submitted asks first
// (the browser words the question; it cannot be set). A form the server gave back holding what
// was typed and not yet saved (after an image was uploaded) counts as changed from the start.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("form[data-unsaved]").forEach(function (form) {
    var changed = form.hasAttribute("data-unsaved-kept");
    var mark = function () {
      changed = true;
    };
    form.addEventListener("input", mark);
    form.addEventListener("change", mark);
    form.addEventListener("submit", function () {
      changed = false;
    });
    window.addEventListener("beforeunload", function (event) {
      if (changed) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  });
});
