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

  // A form marked data-send-once (Order, a candidate's choice, a new search: each may charge) is
  // sent once: sending it disables the buttons of every such form on the page, so that a double
  // click cannot order twice; the console refuses a form sent again all the same. Back to a page
  // kept by the browser, they are pressable again, and the console tells if the page is out of date.
  function sendOnceButtons() {
    return document.querySelectorAll("form[data-send-once] button");
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("form[data-send-once]") || event.defaultPrevented) {
      return;
    }
    if (document.documentElement.hasAttribute("data-sent")) {
      event.preventDefault();
      return;
    }
    document.documentElement.setAttribute("data-sent", "");
    // Once the browser has taken the form's values, which a disabled button would leave out.
    window.setTimeout(function () {
      sendOnceButtons().forEach(function (button) {
        button.disabled = true;
      });
    }, 0);
  });
  window.addEventListener("pageshow", function () {
    document.documentElement.removeAttribute("data-sent");
    sendOnceButtons().forEach(function (button) {
      button.disabled = false;
    });
  });
})();
