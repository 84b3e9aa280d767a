// exposure web page. The analysis runs in a worker, in the exposure engine
// compiled to WebAssembly; the member's files are handed to it as File
// objects and read there slice by slice. Nothing is sent anywhere: the
// page's Content-Security-Policy has connect-src 'none', and the worker,
// made from a blob: URL, inherits that policy.
(function () {
  "use strict";

  var TEXTS = {
    en: {
      skip: "Skip to the content",
      title: "What of my LinkedIn data is used to train AI?",
      language: "Language",
      promise: "Your archive is read here, inside this browser tab: nothing you give this page leaves your computer.",
      step_archive: "Your LinkedIn archive",
      drop_hint: "Drop the ZIP file LinkedIn sent you anywhere on this page (the Basic and the Complete part together if you have both), or choose it:",
      pick_archives: "Choose archives…",
      pick_folder: "Choose an unzipped folder…",
      how_to: "To get it: on LinkedIn, Me → Settings & Privacy → Data privacy → Get a copy of your data.",
      cancel: "Cancel",
      step_facts: "Your choices",
      region: "Region",
      region_auto: "From my profile",
      region_EU: "EU, EEA and Switzerland",
      region_UK: "United Kingdom",
      region_CA: "Canada",
      region_HK: "Hong Kong",
      region_US: "United States and every other country",
      opt_out: "I switched off “Data for Generative AI Improvement” on",
      opt_out_help: "Leave it empty if you never did.",
      objection: "I sent LinkedIn’s objection form on",
      objection_help: "The earlier of the two dates counts.",
      born: "Year of birth",
      more: "More settings",
      as_of: "Analysis date",
      as_of_help: "Empty: today.",
      redact: "Shareable version: no texts, names, e-mail addresses, phone numbers or links",
      step_result: "Your report",
      view: "Show",
      view_report: "Report",
      view_diff: "Comparison",
      download: "Download:",
      dl_html: "Report (HTML)",
      dl_json: "Results (JSON)",
      dl_csv: "Items (CSV)",
      dl_diff_html: "Comparison (HTML)",
      dl_diff_json: "Comparison (JSON)",
      compare_title: "Compare with an older export",
      compare_hint: "Drop an older archive from LinkedIn here, or a result you saved as JSON, to see what changed since.",
      pick_old: "Choose an older archive or a JSON result…",
      drop_here: "Drop to analyse",
      footer: "exposure runs entirely in this tab: no upload, no analytics, no cookie, nothing loaded from another site; once loaded it works offline. The report is the one the exposure command line writes.",
      check: "Check that this page cannot send anything",
      check_ok: "Checked: the page and its engine are both refused any connection (Content-Security-Policy connect-src 'none').",
      check_bad: "Warning: a connection was not refused by this browser.",
      licence: "The WebAssembly loader wasm_exec.js is © The Go Authors, BSD licence:",
      frame_report: "Your report",
      frame_diff: "Comparison of your two exports",
      loading: "Loading the analysis engine…",
      load_failed: "The analysis engine could not be loaded: {0}",
      ready: "Ready: drop your archive.",
      opening: "Opening {0}…",
      reading: "{0} of {1} read · {2} items in {3} files",
      replaying: "Classifying {0} items again…",
      comparing: "Comparing…",
      preparing: "Preparing {0}…",
      canceled: "Stopped.",
      region_profile: "From your profile: {0}.",
      region_default: "Not found in your profile: {0} is used. Choose yours.",
      region_flag: "As you chose.",
      born_help_from: "Only for the under-18 rule. Empty: {0}, from your archive.",
      born_help_adult: "Only for the under-18 rule. Empty: adult.",
      archive_note: "{0}: {1} items in {2} files, exported {3}.",
      archive_note_nodate: "{0}: {1} items in {2} files.",
      result_note: "Done in {0} s. {1}",
      kept: "Changing a choice classifies the items again from memory, without reading the archive again.",
      not_kept: "The archive is too large to keep its items in this tab: each change reads it again.",
      bad_date: "This date cannot be read: give it as YYYY-MM-DD.",
      bad_born: "Give a year (YYYY) or a date (YYYY-MM-DD).",
      bad_field: "{0} cannot be read.",
      json_first: "A saved result (.json) can only be compared with an archive: give your archive first.",
      no_files: "No file was given.",
      mixed: "Give archives (.zip) or one folder, not both at once.",
      compare_done: "Compared with {0}.",
      engine_gone: "The analysis stopped responding and was restarted; give your archive again.",
      from_file: "This page was opened from a file: a browser does not let such a page start its analysis engine. Open it through a web server: exposure serve, or any static web host."
    },
    fr: {
      skip: "Aller au contenu",
      title: "Quelles données LinkedIn servent à entraîner l’IA ?",
      language: "Langue",
      promise: "Votre archive est lue ici, dans cet onglet du navigateur : rien de ce que vous donnez à cette page ne quitte votre ordinateur.",
      step_archive: "Votre archive LinkedIn",
      drop_hint: "Déposez le fichier ZIP envoyé par LinkedIn n’importe où sur cette page (la partie Basic et la partie Complete ensemble si vous avez les deux), ou choisissez-le :",
      pick_archives: "Choisir des archives…",
      pick_folder: "Choisir un dossier décompressé…",
      how_to: "Pour l’obtenir : sur LinkedIn, Vous → Préférences et confidentialité → Confidentialité des données → Obtenir une copie de vos données.",
      cancel: "Annuler",
      step_facts: "Vos choix",
      region: "Région",
      region_auto: "D’après mon profil",
      region_EU: "UE, EEE et Suisse",
      region_UK: "Royaume-Uni",
      region_CA: "Canada",
      region_HK: "Hong Kong",
      region_US: "États-Unis et tous les autres pays",
      opt_out: "J’ai désactivé « Données pour l’amélioration de l’IA générative » le",
      opt_out_help: "Laissez vide si vous ne l’avez jamais fait.",
      objection: "J’ai envoyé le formulaire d’opposition de LinkedIn le",
      objection_help: "La plus ancienne des deux dates compte.",
      born: "Année de naissance",
      more: "Plus de réglages",
      as_of: "Date de l’analyse",
      as_of_help: "Vide : aujourd’hui.",
      redact: "Version à partager : sans textes, noms, adresses e-mail, numéros de téléphone ni liens",
      step_result: "Votre rapport",
      view: "Afficher",
      view_report: "Rapport",
      view_diff: "Comparaison",
      download: "Télécharger :",
      dl_html: "Rapport (HTML)",
      dl_json: "Résultats (JSON)",
      dl_csv: "Éléments (CSV)",
      dl_diff_html: "Comparaison (HTML)",
      dl_diff_json: "Comparaison (JSON)",
      compare_title: "Comparer avec un export plus ancien",
      compare_hint: "Déposez ici une archive LinkedIn plus ancienne, ou un résultat enregistré en JSON, pour voir ce qui a changé depuis.",
      pick_old: "Choisir une archive plus ancienne ou un résultat JSON…",
      drop_here: "Déposez pour analyser",
      footer: "exposure s’exécute entièrement dans cet onglet : aucun envoi, aucune mesure d’audience, aucun cookie, rien de chargé depuis un autre site ; une fois chargée, la page fonctionne hors ligne. Le rapport est celui qu’écrit la ligne de commande exposure.",
      check: "Vérifier que cette page ne peut rien envoyer",
      check_ok: "Vérifié : toute connexion est refusée à la page comme à son moteur (Content-Security-Policy connect-src 'none').",
      check_bad: "Attention : une connexion n’a pas été refusée par ce navigateur.",
      licence: "Le chargeur WebAssembly wasm_exec.js est © The Go Authors, licence BSD :",
      frame_report: "Votre rapport",
      frame_diff: "Comparaison de vos deux exports",
      loading: "Chargement du moteur d’analyse…",
      load_failed: "Le moteur d’analyse n’a pas pu être chargé : {0}",
      ready: "Prêt : déposez votre archive.",
      opening: "Ouverture de {0}…",
      reading: "{0} sur {1} lus · {2} éléments dans {3} fichiers",
      replaying: "Nouvelle classification de {0} éléments…",
      comparing: "Comparaison…",
      preparing: "Préparation de {0}…",
      canceled: "Arrêté.",
      region_profile: "D’après votre profil : {0}.",
      region_default: "Introuvable dans votre profil : {0} est utilisée. Choisissez la vôtre.",
      region_flag: "Comme vous l’avez choisie.",
      born_help_from: "Seulement pour la règle des moins de 18 ans. Vide : {0}, d’après votre archive.",
      born_help_adult: "Seulement pour la règle des moins de 18 ans. Vide : majeur.",
      archive_note: "{0} : {1} éléments dans {2} fichiers, exporté le {3}.",
      archive_note_nodate: "{0} : {1} éléments dans {2} fichiers.",
      result_note: "Fait en {0} s. {1}",
      kept: "Changer un choix reclasse les éléments gardés en mémoire, sans relire l’archive.",
      not_kept: "L’archive est trop grande pour garder ses éléments dans cet onglet : chaque changement la relit.",
      bad_date: "Cette date est illisible : donnez-la sous la forme AAAA-MM-JJ.",
      bad_born: "Donnez une année (AAAA) ou une date (AAAA-MM-JJ).",
      bad_field: "{0} est illisible.",
      json_first: "Un résultat enregistré (.json) ne peut être comparé qu’à une archive : donnez d’abord votre archive.",
      no_files: "Aucun fichier n’a été donné.",
      mixed: "Donnez des archives (.zip) ou un dossier, pas les deux à la fois.",
      compare_done: "Comparé avec {0}.",
      engine_gone: "L’analyse ne répondait plus et a été relancée ; donnez de nouveau votre archive.",
      from_file: "Cette page a été ouverte depuis un fichier : le navigateur ne la laisse pas démarrer son moteur d’analyse. Ouvrez-la par un serveur web : exposure serve, ou n’importe quel hébergement statique."
    }
  };

  // exposureWorker is the worker's code. It runs from a blob: URL, so
  // that it inherits this page's Content-Security-Policy, and loads the
  // Go loader and the engine (the WebAssembly binary, gzipped and in
  // base64 in a script: a fetch would need connect-src) with importScripts.
  function exposureWorker(base, warmUp) {
    var engine = null;
    var memory = null;
    var timings = {};
    var mark = performance.now();
    var lap = function (name) { var now = performance.now(); timings[name] = Math.round(now - mark); mark = now; };
    var ready = (async function () {
      importScripts(base + "wasm_exec.js");
      lap("loader");
      importScripts(base + "exposure-wasm.js");
      lap("script");
      var b64 = self.exposureWasm;
      self.exposureWasm = undefined;
      var gz;
      if (typeof Uint8Array.fromBase64 === "function") {
        gz = Uint8Array.fromBase64(b64);
      } else {
        var bin = atob(b64);
        gz = new Uint8Array(bin.length);
        for (var i = 0; i < bin.length; i++) gz[i] = bin.charCodeAt(i);
      }
      b64 = null;
      var bytes = await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
      gz = null;
      lap("decode");
      var go = new Go();
      var inst = await WebAssembly.instantiate(bytes, go.importObject);
      bytes = null;
      lap("compile");
      memory = inst.instance.exports.mem;
      go.run(inst.instance);
      engine = self.exposureEngine;
      if (!engine) throw new Error("the engine did not start");
      lap("start");
    })();
    // Once loaded, the engine analyses a small invented export while the
    // member picks theirs: the browser compiles and optimises its code the
    // first time it runs, and the member's first analysis was several
    // times slower than the next. Requests wait for it.
    var warm = ready.then(function () {
      self.postMessage({ ready: true, timings: timings });
      if (!warmUp) return;
      // The engine holds the worker's thread while it works: the message
      // above is out first.
      return engine.warmUp().then(function () { lap("warm"); self.postMessage({ warm: timings }); });
    }, function (err) {
      self.postMessage({ ready: false, error: { message: String(err && err.message || err) } });
    }).catch(function () { /* a failed or cancelled warm-up only costs time */ });

    // probe tries to connect, to show the member that it cannot.
    async function probe() {
      var refused = [];
      self.addEventListener("securitypolicyviolation", function (e) { refused.push(e.violatedDirective); });
      var sent = false;
      try { await fetch(base + "index.html", { cache: "no-store" }); sent = true; } catch (e) { /* refused */ }
      await new Promise(function (r) { setTimeout(r, 50); });
      return { sent: sent, refused: refused.length > 0 };
    }

    self.onmessage = async function (e) {
      var m = e.data;
      if (m.op === "cancel") {
        if (engine) engine.cancel();
        return;
      }
      var progress = function (p) { self.postMessage({ id: m.id, progress: p }); };
      try {
        if (m.op === "probe") {
          self.postMessage({ id: m.id, result: await probe() });
          return;
        }
        await ready;
        await warm;
        var result = null;
        switch (m.op) {
          case "open":
            var err = engine.open(m.spec);
            if (err) throw err;
            break;
          case "report": result = await engine.report(m.options, progress); break;
          case "output": result = await engine.output(m.options, m.format, progress); break;
          case "compare": result = await engine.compare(m.spec, m.options, progress); break;
          case "diffJSON": result = await engine.diffJSON(); break;
          default: throw new Error("unknown request " + m.op);
        }
        // The engine's memory (it only grows), for the page's own measurements.
        self.postMessage({ id: m.id, result: result, memory: memory ? memory.buffer.byteLength : 0 });
      } catch (err) {
        self.postMessage({ id: m.id, error: { message: String(err && err.message || err), field: err && err.field, canceled: !!(err && err.canceled) } });
      }
    };
  }

  var $ = function (id) { return document.getElementById(id); };
  var lang = "en";
  var worker = null;
  var nextID = 0;
  var pending = {};
  var state = {
    ready: false, busy: false, opened: false, summary: null, html: "", diffHTML: "", view: "report",
    rerun: false, oldSpec: null, oldName: "", archiveName: "", sessions: 0, cancelTimer: 0
  };
  var params = new URLSearchParams(location.hash.slice(1));

  function t(key) {
    var s = (TEXTS[lang] && TEXTS[lang][key]) || TEXTS.en[key] || key;
    var args = arguments;
    return s.replace(/\{(\d)\}/g, function (_, i) { return String(args[+i + 1]); });
  }
  function num(n) { return new Intl.NumberFormat(lang).format(n); }
  function size(n) {
    var units = lang === "fr" ? ["o", "ko", "Mo", "Go"] : ["B", "kB", "MB", "GB"];
    var u = 0;
    while (n >= 1000 && u < units.length - 1) { n /= 1000; u++; }
    return new Intl.NumberFormat(lang, { maximumFractionDigits: u ? 1 : 0 }).format(n) + " " + units[u];
  }

  function applyLang() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-i18n]").forEach(function (el) { el.textContent = t(el.getAttribute("data-i18n")); });
    document.title = t("title");
    $("lang").value = lang;
    $("frame").title = state.view === "diff" ? t("frame_diff") : t("frame_report");
    if (state.summary) describe(state.summary);
  }

  function setState(s) { document.body.setAttribute("data-state", s); }

  function showError(msg) {
    var el = $("error");
    el.textContent = msg;
    el.hidden = !msg;
  }

  function working(on, text) {
    state.busy = on;
    $("work").hidden = !on;
    $("cancel").hidden = !on;
    if (on) {
      $("progress").removeAttribute("value");
      $("work-text").textContent = text || "";
      setState("busy");
    }
    ["archives", "folder", "old"].forEach(function (id) { $(id).disabled = on || !state.ready; });
  }

  function onProgress(p) {
    var bar = $("progress");
    if (p.total > 0) {
      bar.max = p.total;
      bar.value = p.done;
      $("work-text").textContent = t("reading", size(p.done), size(p.total), num(p.items), num(p.files));
    } else {
      $("work-text").textContent = t("replaying", num(p.items));
    }
  }

  // ask sends a request to the worker and resolves with its answer. The
  // engine takes one request at a time: they queue here.
  var queue = Promise.resolve();
  function ask(msg, progress) {
    var answer = queue.then(function () {
      return new Promise(function (resolve, reject) {
        var id = ++nextID;
        pending[id] = { resolve: resolve, reject: reject, progress: progress };
        msg.id = id;
        worker.postMessage(msg);
      });
    });
    queue = answer.catch(function () {});
    return answer;
  }

  function startWorker() {
    var base = new URL(".", document.baseURI).href;
    var code = "(" + exposureWorker.toString() + ")(" + JSON.stringify(base) + ", " + (params.get("warm") !== "0") + ");";
    var url = URL.createObjectURL(new Blob([code], { type: "text/javascript" }));
    worker = new Worker(url);
    state.ready = false;
    worker.onmessage = function (e) {
      var m = e.data;
      if (m.warm) {
        document.body.setAttribute("data-timings", JSON.stringify(m.warm));
        document.body.setAttribute("data-warm", "done");
        return;
      }
      if (m.ready !== undefined) {
        if (m.timings) document.body.setAttribute("data-timings", JSON.stringify(m.timings));
        URL.revokeObjectURL(url);
        if (!m.ready) {
          setState("error");
          showError(t("load_failed", m.error.message));
          return;
        }
        state.ready = true;
        working(false);
        setState(state.opened ? "done" : "ready");
        return;
      }
      var p = pending[m.id];
      if (!p) return;
      if (m.progress) {
        if (p.progress) p.progress(m.progress);
        return;
      }
      delete pending[m.id];
      if (m.memory) document.body.setAttribute("data-engine-memory", String(m.memory));
      if (m.error) p.reject(m.error); else p.resolve(m.result);
    };
    worker.onerror = function (e) {
      setState("error");
      showError(t("load_failed", e.message || "worker error"));
    };
  }

  // restart ends a worker that does not answer a Cancel.
  function restart() {
    worker.terminate();
    queue = Promise.resolve();
    Object.keys(pending).forEach(function (id) { pending[id].reject({ message: t("engine_gone"), canceled: true }); delete pending[id]; });
    state.opened = false;
    $("facts-section").hidden = true;
    $("result").hidden = true;
    working(false);
    startWorker();
    showError(t("engine_gone"));
  }

  function options() {
    return {
      region: $("region").value, opt_out: $("opt_out").value, objection: $("objection").value,
      born: $("born").value.trim(), as_of: $("as_of").value, lang: lang, redact: $("redact").checked
    };
  }

  function clearInvalid() {
    ["opt_out", "objection", "born", "as_of", "region"].forEach(function (id) { $(id).removeAttribute("aria-invalid"); });
  }

  function fail(err) {
    if (err && err.canceled) {
      showError(t("canceled"));
      return;
    }
    var msg = (err && err.message) || String(err);
    if (err && err.field) {
      var el = $(err.field);
      if (el) {
        el.setAttribute("aria-invalid", "true");
        msg = err.field === "born" ? t("bad_born") : err.field === "region" ? t("bad_field", t("region")) : t("bad_date");
        el.focus();
      }
    }
    showError(msg);
  }

  function count(v) {
    $("status").setAttribute("data-reads", String(v.reads));
    $("status").setAttribute("data-replays", String(v.replays));
  }

  function describe(s) {
    var region = t("region_" + s.region);
    $("region-help").textContent = s.region_source === "profile" ? t("region_profile", region)
      : s.region_source === "default" ? t("region_default", region) : t("region_flag");
    $("born-help").textContent = s.born && s.born_source === "verifications" ? t("born_help_from", s.born) : t("born_help_adult");
    var name = state.archiveName;
    $("archive-note").textContent = s.export_date
      ? t("archive_note", name, num(s.items), num(s.files), new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "UTC" }).format(new Date(s.export_date + "T00:00:00Z")))
      : t("archive_note_nodate", name, num(s.items), num(s.files));
    $("result-note").textContent = t("result_note", new Intl.NumberFormat(lang, { maximumFractionDigits: 2 }).format(s.millis / 1000), s.kept_items > 0 ? t("kept") : t("not_kept"));
  }

  function show(view) {
    state.view = view;
    $("view-report").setAttribute("aria-pressed", String(view === "report"));
    $("view-diff").setAttribute("aria-pressed", String(view === "diff"));
    var frame = $("frame");
    frame.title = view === "diff" ? t("frame_diff") : t("frame_report");
    frame.srcdoc = view === "diff" ? state.diffHTML : state.html;
  }

  // analyse opens a new export and shows its report.
  async function analyse(spec, label) {
    showError("");
    clearInvalid();
    state.archiveName = label;
    state.diffHTML = "";
    state.oldSpec = null;
    $("views").hidden = $("dl-diff-html").hidden = $("dl-diff-json").hidden = true;
    working(true, t("opening", label));
    state.t0 = performance.now();
    try {
      await ask({ op: "open", spec: spec });
      state.opened = true;
      state.summary = null;
      $("status").setAttribute("data-sessions", String(++state.sessions));
      await report(true);
    } catch (err) {
      working(false);
      state.opened = false;
      setState("ready");
      fail(err);
    }
  }

  // report runs the analysis (the archive's first read, or a replay) and shows it.
  async function report(first) {
    working(true, first ? "" : t("replaying", ""));
    clearInvalid();
    try {
      var asked = performance.now();
      var r = await ask({ op: "report", options: options() }, onProgress);
      var answered = performance.now();
      var s = JSON.parse(r.summary);
      state.summary = s;
      state.html = r.html;
      count(s);
      $("status").setAttribute("data-summary", r.summary);
      describe(s);
      $("facts-section").hidden = false;
      $("result").hidden = false;
      showError("");
      if (state.oldSpec) {
        await compare(state.oldSpec, state.oldName, false);
      } else {
        show("report");
      }
      working(false);
      // How long each step took, for the page's own measurements.
      $("status").setAttribute("data-times", JSON.stringify({ open: first ? Math.round(asked - state.t0) : 0,
        report: Math.round(answered - asked), engine: s.millis, show: Math.round(performance.now() - answered) }));
      setState("done");
      if (first) $("result-title").focus();
    } catch (err) {
      working(false);
      if (first && !err.field) {
        // The archive's first read did not end: there is nothing to show.
        state.opened = false;
        state.summary = null;
        $("facts-section").hidden = true;
        $("result").hidden = true;
        $("frame").srcdoc = "";
        setState("ready");
      } else {
        // A field cannot be read: the member can set it right.
        $("facts-section").hidden = false;
        setState(state.summary ? "done" : "ready");
      }
      fail(err);
    }
    if (state.rerun && state.opened) {
      state.rerun = false;
      report(false);
    }
  }

  async function compare(spec, name, alone) {
    if (alone) {
      showError("");
      working(true, t("comparing"));
    } else {
      $("work-text").textContent = t("comparing");
    }
    try {
      var r = await ask({ op: "compare", spec: spec, options: options() }, onProgress);
      state.oldSpec = spec;
      state.oldName = name;
      state.diffHTML = r.html;
      $("views").hidden = $("dl-diff-html").hidden = $("dl-diff-json").hidden = false;
      $("result-note").textContent = t("compare_done", name);
      show("diff");
      if (alone) {
        working(false);
        setState("done");
      }
    } catch (err) {
      if (alone) {
        working(false);
        setState("done");
      }
      if (!alone) throw err;
      fail(err);
    }
  }

  // Facts changed: classify again (at once if idle, else after the run).
  var debounce = 0;
  function changed() {
    if (!state.opened) return;
    clearTimeout(debounce);
    debounce = setTimeout(function () {
      if (state.busy) state.rerun = true; else report(false);
    }, 250);
  }

  function save(blob, name) {
    var url = URL.createObjectURL(blob);
    var a = document.createElement("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  async function download(kind) {
    if (state.busy) return;
    var stamp = (state.summary && state.summary.as_of) || "";
    try {
      if (kind === "html") {
        save(new Blob([state.html], { type: "text/html;charset=utf-8" }), "exposure-report-" + stamp + ".html");
        return;
      }
      if (kind === "diff-html") {
        save(new Blob([state.diffHTML], { type: "text/html;charset=utf-8" }), "exposure-diff-" + stamp + ".html");
        return;
      }
      working(true, t("preparing", kind.toUpperCase()));
      var blob = kind === "diff-json" ? await ask({ op: "diffJSON" })
        : await ask({ op: "output", options: options(), format: kind }, onProgress);
      working(false);
      setState("done");
      save(blob, (kind === "diff-json" ? "exposure-diff-" : kind === "json" ? "exposure-result-" : "exposure-items-") + stamp + "." + (kind === "csv" ? "csv" : "json"));
    } catch (err) {
      working(false);
      setState("done");
      fail(err);
    }
  }

  // Files given by a picker, or dropped.
  function classify(files, folder) {
    var spec = { archives: [], folder: [], saved: null };
    if (folder && folder.length) {
      spec.folder = folder;
      return spec;
    }
    for (var i = 0; i < files.length; i++) {
      var f = files[i];
      if (/\.json$/i.test(f.name)) spec.saved = f;
      else if (f.webkitRelativePath) spec.folder.push({ path: f.webkitRelativePath, file: f });
      else spec.archives.push(f);
    }
    return spec;
  }

  function label(spec) {
    if (spec.folder.length) return spec.folder[0].path.split("/")[0];
    if (spec.saved && !spec.archives.length) return spec.saved.name;
    return spec.archives.map(function (f) { return f.name; }).join(" + ");
  }

  function take(spec, old) {
    if (!spec.archives.length && !spec.folder.length && !spec.saved) {
      showError(t("no_files"));
      return;
    }
    if (spec.archives.length && spec.folder.length) {
      showError(t("mixed"));
      return;
    }
    if (spec.saved && !spec.archives.length && !spec.folder.length) old = true;
    if (old) {
      if (!state.opened) {
        showError(t("json_first"));
        return;
      }
      if (spec.saved) spec = { saved: spec.saved, archives: [], folder: [] };
      compare(spec, label(spec), true);
      return;
    }
    spec.saved = null;
    analyse(spec, label(spec));
  }

  // A dropped folder is read through the entries API.
  function readEntries(entry, prefix, out) {
    return new Promise(function (resolve, reject) {
      if (entry.isFile) {
        entry.file(function (f) { out.push({ path: prefix + entry.name, file: f }); resolve(); }, reject);
        return;
      }
      var reader = entry.createReader();
      var all = [];
      (function next() {
        reader.readEntries(function (batch) {
          if (!batch.length) {
            Promise.all(all.map(function (e) { return readEntries(e, prefix + entry.name + "/", out); })).then(function () { resolve(); }, reject);
            return;
          }
          all = all.concat(Array.prototype.slice.call(batch));
          next();
        }, reject);
      })();
    });
  }

  async function dropped(dt, old) {
    var items = dt.items ? Array.prototype.slice.call(dt.items) : [];
    var entries = items.map(function (it) { return it.kind === "file" && it.webkitGetAsEntry ? it.webkitGetAsEntry() : null; });
    var dir = entries.filter(function (e) { return e && e.isDirectory; });
    if (dir.length === 1 && entries.length === 1) {
      var folder = [];
      try {
        await readEntries(dir[0], "", folder);
      } catch (err) {
        fail(err);
        return;
      }
      take(classify([], folder), old);
      return;
    }
    take(classify(dt.files, null), old);
  }

  function hasFiles(e) {
    return e.dataTransfer && Array.prototype.indexOf.call(e.dataTransfer.types || [], "Files") >= 0;
  }

  function probe() {
    var out = $("check-result");
    out.textContent = "…";
    var pageRefused = false;
    var onViolation = function () { pageRefused = true; };
    document.addEventListener("securitypolicyviolation", onViolation);
    var page = fetch(new URL("index.html", document.baseURI).href, { cache: "no-store" }).then(function () { return true; }, function () { return false; });
    Promise.all([page, ask({ op: "probe" })]).then(function (r) {
      setTimeout(function () {
        document.removeEventListener("securitypolicyviolation", onViolation);
        var ok = !r[0] && pageRefused && !r[1].sent && r[1].refused;
        out.textContent = ok ? t("check_ok") : t("check_bad");
        out.setAttribute("data-ok", String(ok));
      }, 50);
    });
  }

  function init() {
    var want = params.get("lang") || (navigator.language || "en").slice(0, 2).toLowerCase();
    lang = TEXTS[want] ? want : "en";
    ["opt-out", "objection", "born", "as-of", "region"].forEach(function (k) {
      var v = params.get(k);
      if (v !== null) $(k.replace("-", "_")).value = v;
    });
    if (params.get("redact") === "1") $("redact").checked = true;
    applyLang();
    working(false);
    $("work").hidden = false;
    $("work-text").textContent = t("loading");

    // A directory picker is offered only where the browser has one.
    if (!("webkitdirectory" in document.createElement("input"))) $("folder-label").hidden = true;

    $("lang").addEventListener("change", function () {
      lang = $("lang").value;
      applyLang();
      changed();
    });
    ["region", "opt_out", "objection", "born", "as_of", "redact"].forEach(function (id) {
      $(id).addEventListener("change", changed);
    });
    $("born").addEventListener("input", function () { if (/^\d{4}$/.test($("born").value) || !$("born").value) changed(); });
    $("facts").addEventListener("submit", function (e) { e.preventDefault(); changed(); });
    $("archives").addEventListener("change", function () { take(classify(this.files, null), false); this.value = ""; });
    $("folder").addEventListener("change", function () { take(classify(this.files, null), false); this.value = ""; });
    $("old").addEventListener("change", function () { take(classify(this.files, null), true); this.value = ""; });
    $("cancel").addEventListener("click", function () {
      worker.postMessage({ op: "cancel" });
      clearTimeout(state.cancelTimer);
      state.cancelTimer = setTimeout(function () { if (state.busy) restart(); }, 4000);
    });
    $("view-report").addEventListener("click", function () { show("report"); });
    $("view-diff").addEventListener("click", function () { show("diff"); });
    $("dl-html").addEventListener("click", function () { download("html"); });
    $("dl-json").addEventListener("click", function () { download("json"); });
    $("dl-csv").addEventListener("click", function () { download("csv"); });
    $("dl-diff-html").addEventListener("click", function () { download("diff-html"); });
    $("dl-diff-json").addEventListener("click", function () { download("diff-json"); });
    $("check").addEventListener("click", probe);

    var depth = 0;
    document.addEventListener("dragenter", function (e) {
      if (!hasFiles(e)) return;
      depth++;
      $("overlay").hidden = false;
    });
    document.addEventListener("dragleave", function (e) {
      if (!hasFiles(e)) return;
      if (--depth <= 0) { depth = 0; $("overlay").hidden = true; }
    });
    document.addEventListener("dragover", function (e) {
      if (!hasFiles(e)) return;
      e.preventDefault();
      e.dataTransfer.dropEffect = state.ready && !state.busy ? "copy" : "none";
    });
    document.addEventListener("drop", function (e) {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      $("overlay").hidden = true;
      if (!state.ready || state.busy) return;
      var old = !!(e.target && e.target.closest && e.target.closest("#compare"));
      dropped(e.dataTransfer, old);
    });

    if (location.protocol === "file:") {
      $("work").hidden = true;
      setState("error");
      showError(t("from_file"));
      return;
    }
    startWorker();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
