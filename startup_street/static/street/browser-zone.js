// Pre-selects the browser's own time zone in a <select data-browser-zone> (sign-up), when the
// list offers it; the server has already chosen one from the page's language as a fallback.
(function () {
  "use strict";
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (error) {
    return;
  }
  if (!zone) {
    return;
  }
  document.querySelectorAll("select[data-browser-zone]").forEach(function (select) {
    var offered = Array.prototype.some.call(select.options, function (option) {
      return option.value === zone;
    });
    if (offered) {
      select.value = zone;
    }
  });
})();
