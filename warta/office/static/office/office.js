/* Warta staff workspace: small progressive enhancements. Every page works without this file.
 *  - [data-poll="url"]: re-fetch a fragment every few seconds while it asks to be polled (document status).
 *  - form[data-upload-progress]: send the upload with XMLHttpRequest and show a progress bar (its words are the
 *    data-* attributes of .upload-progress-text, written by the page in the reader's language).
 * No inline code, no eval: it runs under the strict Content-Security-Policy.
 */
(function () {
  "use strict";
  var POLL_MS = 4000;

  function poll(element) {
    var url = element.getAttribute("data-poll");
    if (!url || !window.fetch) { return; }
    window.setTimeout(function () {
      if (!document.body.contains(element)) { return; }
      if (element.contains(document.activeElement) && document.activeElement !== document.body) {
        poll(element); // do not replace a form someone is typing in
        return;
      }
      fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
        .then(function (html) {
          var holder = document.createElement("div");
          holder.innerHTML = html;
          var fresh = holder.firstElementChild;
          if (!fresh) { return; }
          element.replaceWith(fresh);
          enhance(fresh);
        })
        .catch(function () { poll(element); });
    }, POLL_MS);
  }

  function uploadWithProgress(form) {
    if (!window.FormData || !window.XMLHttpRequest) { return; }
    form.addEventListener("submit", function (event) {
      var box = form.querySelector(".upload-progress");
      var bar = box && box.querySelector("progress");
      var text = box && box.querySelector(".upload-progress-text");
      if (!box || !bar) { return; }
      event.preventDefault();
      var request = new XMLHttpRequest();
      var button = form.querySelector("button[type=submit]");
      box.hidden = false;
      if (button) { button.disabled = true; }
      request.upload.addEventListener("progress", function (progress) {
        if (!progress.lengthComputable) { return; }
        var percent = Math.round(progress.loaded / progress.total * 100);
        bar.value = percent;
        text.textContent = percent < 100 ? text.getAttribute("data-uploading") + " " + percent + "%"
          : text.getAttribute("data-uploaded");
      });
      request.addEventListener("load", function () {
        var landed = request.responseURL || window.location.href;
        if (landed.split("#")[0] !== window.location.href.split("#")[0]) {
          window.location.assign(landed);
          return;
        }
        var page = new DOMParser().parseFromString(request.responseText, "text/html");
        var main = document.getElementById("isi");
        var freshMain = page.getElementById("isi");
        if (main && freshMain) {
          main.innerHTML = freshMain.innerHTML;
          enhance(main);
          var focus = main.querySelector(".error, .messages, h1");
          if (focus) { focus.setAttribute("tabindex", "-1"); focus.focus(); }
        } else {
          window.location.reload();
        }
      });
      request.addEventListener("error", function () {
        text.textContent = text.getAttribute("data-failed");
        if (button) { button.disabled = false; }
      });
      // Not form.action / form.method: a field named "action" shadows them.
      request.open(form.getAttribute("method") || "POST", form.getAttribute("action") || window.location.href);
      request.setRequestHeader("X-Requested-With", "XMLHttpRequest");
      request.send(new FormData(form));
    });
  }

  function enhance(root) {
    if (root.matches && root.matches("[data-poll]")) { poll(root); }
    root.querySelectorAll("[data-poll]").forEach(poll);
    root.querySelectorAll("form[data-upload-progress]").forEach(uploadWithProgress);
  }

  document.addEventListener("DOMContentLoaded", function () { enhance(document); });
})();
