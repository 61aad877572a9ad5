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

// Issue 11, friendly inputs: the bar of save buttons sticks to the bottom of the window
// (admin.css). The browser scrolls to a field that gets the focus only when it is off screen, not
// when it is under the bar: such a field is scrolled up above the bar, its top kept in view.
document.addEventListener("focusin", function (event) {
  var form = event.target.closest ? event.target.closest("form") : null;
  var bar = form ? form.querySelector(".form-bar") : null;
  // Only the fields above the bar can be under it: those after it (the images) scroll as usual.
  if (!bar || bar.contains(event.target) ||
      !(event.target.compareDocumentPosition(bar) & Node.DOCUMENT_POSITION_FOLLOWING)) {
    return;
  }
  var field = event.target.getBoundingClientRect();
  var barTop = bar.getBoundingClientRect().top;
  if (field.height > 0 && field.bottom > barTop - 8 && field.top < window.innerHeight) {
    window.scrollBy(0, Math.max(0, Math.min(field.bottom - barTop + 8, field.top - 8)));
  }
});
