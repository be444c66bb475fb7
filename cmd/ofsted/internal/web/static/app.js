// Progressive enhancement only: every page works without this file.
// A select marked "autosubmit" submits its form when it changes, and the
// form's button, no longer needed, is hidden.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("select.autosubmit").forEach(function (sel) {
    sel.addEventListener("change", function () {
      if (sel.form) {
        sel.form.requestSubmit ? sel.form.requestSubmit() : sel.form.submit();
      }
    });
  });
});
