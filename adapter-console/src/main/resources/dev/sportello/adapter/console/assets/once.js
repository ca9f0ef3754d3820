// Sportello's console: a form marked data-send-once is sent once. Sending it disables the buttons
// of every such form on the page, so that a double click cannot order a second paid search or a
// second choice; the console refuses a form sent again all the same. Loaded from our own address
// (the pages forbid inline scripts); without it, the forms post as they are.
(function () {
  "use strict";

  function buttons() {
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
      buttons().forEach(function (button) {
        button.disabled = true;
      });
    }, 0);
  });

  // A page the Back button brings back may be sent again; the console tells if it is out of date.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      document.documentElement.removeAttribute("data-sent");
      buttons().forEach(function (button) {
        button.disabled = false;
      });
    }
  });
})();
