// Shows the "Print this kit" button on the printable kit page; without JavaScript the page
// still prints with the browser's own Print command.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () { window.print(); });
});
