/* Warta public pages: progressive enhancements only. Every page reads and works without this file.
 *
 * 1. "Dengarkan": reads the main content aloud in Indonesian with the browser's speech synthesis
 *    (Perki 1/2021 Ps 24: information accessible to people with disabilities, audio included).
 *    The button stays hidden where speech synthesis is missing.
 * 2. Contrast and text size: the toolbar form works without JS (GET /tampilan/ sets cookies and comes back);
 *    with JS the change applies at once and the same cookies are written, so the next page agrees.
 */
(function () {
  "use strict";

  var ONE_YEAR = 365 * 24 * 3600;
  var root = document.documentElement;

  function readCookie(name) {
    var match = document.cookie.match(new RegExp("(?:^|; )" + name + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : "";
  }

  function writeCookie(name, value) {
    var secure = location.protocol === "https:" ? "; Secure" : "";
    document.cookie = name + "=" + encodeURIComponent(value) + "; Max-Age=" + ONE_YEAR + "; Path=/; SameSite=Lax" + secure;
  }

  /* --- Display preferences --------------------------------------------------------------------------- */
  function applyContrast(value) {
    root.classList.toggle("kontras-tinggi", value === "tinggi");
    var button = document.querySelector("[data-contrast]");
    if (button) {
      button.setAttribute("aria-pressed", value === "tinggi" ? "true" : "false");
      button.value = value === "tinggi" ? "biasa" : "tinggi";
    }
  }

  function applySize(value) {
    root.classList.toggle("teks-besar", value === "besar");
    root.classList.toggle("teks-sangat-besar", value === "sangat-besar");
    var buttons = document.querySelectorAll("[data-size]");
    for (var i = 0; i < buttons.length; i++) {
      var pressed = buttons[i].getAttribute("data-size") === (value || "biasa");
      buttons[i].setAttribute("aria-pressed", pressed ? "true" : "false");
    }
  }

  // A page kept by a cache may have been rendered for other settings: the cookies decide.
  applyContrast(readCookie("warta_kontras"));
  applySize(readCookie("warta_teks"));

  var form = document.querySelector(".display-form");
  if (form) {
    form.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button[name]") : null;
      if (!button) return;
      event.preventDefault();
      if (button.name === "kontras") {
        writeCookie("warta_kontras", button.value);
        applyContrast(button.value);
      } else if (button.name === "teks") {
        writeCookie("warta_teks", button.value);
        applySize(button.value);
      }
      button.focus();
    });
  }

  /* --- Dengarkan ------------------------------------------------------------------------------------- */
  var listen = document.querySelector("[data-listen]");
  var synth = window.speechSynthesis;
  if (!listen || !synth || typeof window.SpeechSynthesisUtterance !== "function") return;

  var MAX_CHUNK = 200; // long utterances are cut off by some engines: speak sentence by sentence
  var speaking = false;

  function indonesianVoice() {
    var voices = synth.getVoices ? synth.getVoices() : [];
    for (var i = 0; i < voices.length; i++) {
      if ((voices[i].lang || "").toLowerCase().replace("_", "-").indexOf("id") === 0) return voices[i];
    }
    return null;
  }

  function mainText() {
    var main = document.getElementById("isi");
    if (!main) return "";
    var copy = main.cloneNode(true);
    var skip = copy.querySelectorAll("form, script, iframe, details.preview, nav, [data-no-listen], .visually-hidden");
    for (var i = 0; i < skip.length; i++) skip[i].parentNode.removeChild(skip[i]);
    return (copy.innerText || copy.textContent || "").replace(/\s+/g, " ").trim();
  }

  function chunks(text) {
    var sentences = text.match(/[^.!?…]+[.!?…]*/g) || [text];
    var out = [];
    var current = "";
    for (var i = 0; i < sentences.length; i++) {
      var sentence = sentences[i].trim();
      if (!sentence) continue;
      if ((current + " " + sentence).length > MAX_CHUNK && current) {
        out.push(current);
        current = sentence;
      } else {
        current = current ? current + " " + sentence : sentence;
      }
    }
    if (current) out.push(current);
    return out;
  }

  function setState(on) {
    speaking = on;
    listen.setAttribute("aria-pressed", on ? "true" : "false");
    listen.textContent = on ? listen.getAttribute("data-label-stop") : listen.getAttribute("data-label-start");
  }

  function stop() {
    synth.cancel();
    setState(false);
  }

  function start() {
    var parts = chunks(mainText());
    if (!parts.length) return;
    synth.cancel();
    var voice = indonesianVoice();
    parts.forEach(function (part, index) {
      var utterance = new window.SpeechSynthesisUtterance(part);
      utterance.lang = "id-ID";
      if (voice) utterance.voice = voice;
      utterance.rate = 0.95;
      if (index === parts.length - 1) utterance.onend = function () { setState(false); };
      utterance.onerror = function () { setState(false); };
      synth.speak(utterance);
    });
    setState(true);
  }

  listen.addEventListener("click", function () {
    if (speaking) stop(); else start();
  });
  window.addEventListener("pagehide", function () { synth.cancel(); });
  listen.hidden = false;
})();
