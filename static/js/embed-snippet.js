/* The embed box's "Copy the code" button (commitment and dialogue pages). Without JavaScript the
   button stays hidden and the code is selected and copied by hand from its read-only box. */
(function () {
  "use strict";
  function setUp(button) {
    var source = document.getElementById(button.dataset.copyFrom);
    var status = button.parentNode.querySelector(".copy-status");
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value).then(
        function () { if (status) status.textContent = "Copied."; },
        function () { source.select(); if (status) status.textContent = "Select the code and copy it."; }
      );
    });
  }
  document.querySelectorAll(".copy-button[data-copy-from]").forEach(setUp);
})();
