// Material's search dialog has no accessible name; give it one.
document.querySelectorAll(".md-search[role=dialog]").forEach(function (dialog) {
  dialog.setAttribute("aria-label", "Search");
});
