// Sportello's console: small enhancements over htmx, loaded from our own address (the pages
// forbid inline scripts). Everything here also works without it, by posting the forms.
(function () {
  "use strict";

  // The check as one types sends no file, only the type and size of each chosen one.
  document.addEventListener("htmx:configRequest", function (event) {
    var form = event.detail.elt;
    if (!form || !form.matches || !form.matches("form.order")) {
      return;
    }
    form.querySelectorAll('input[type="file"]').forEach(function (input) {
      if (input.files && input.files.length > 0) {
        var file = input.files[0];
        event.detail.parameters["chosen:" + input.name] = file.type + ";" + file.size;
      }
    });
  });

  // Each field's messages say whether its value is wrong: its control tells assistive technology.
  document.addEventListener("htmx:afterSettle", function () {
    document.querySelectorAll("[data-for]").forEach(function (messages) {
      var control = document.getElementById(messages.getAttribute("data-for"));
      if (control) {
        control.setAttribute("aria-invalid", messages.getAttribute("data-invalid"));
      }
    });
  });
})();
