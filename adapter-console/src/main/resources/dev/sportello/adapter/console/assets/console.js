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

  // A second click on Order while the first is on its way would only be told that the order is
  // still being created: the button waits for the answer instead. Back to a page kept by the
  // browser, it is pressable again.
  document.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!event.target.matches("form.order") || !button || !button.matches(".primary")) {
      return;
    }
    window.setTimeout(function () {
      button.disabled = true;
    }, 0);
  });
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form.order button.primary").forEach(function (button) {
      button.disabled = false;
    });
  });
})();
