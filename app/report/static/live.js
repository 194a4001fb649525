// Follows each job of the status page live through GET /v1/jobs/{id}/events (Server-Sent
// Events). Without JavaScript the page refreshes itself instead; if a stream cannot be opened
// (e.g. keys are required and the browser holds them only for the pages), it reloads.
"use strict";
(function () {
  var list = document.getElementById("jobs");
  if (!list || !window.EventSource) return;
  var items = Array.prototype.slice.call(list.querySelectorAll("li[data-job]"));
  var progress = document.getElementById("progress");
  var reloading = false;

  function ended(status) {
    return status === "succeeded" || status === "failed";
  }

  function count() {
    var done = items.filter(function (li) { return ended(li.dataset.status); }).length;
    progress.textContent = done + " of " + items.length + " finished" +
      (done < items.length ? "; following them live." : ".");
    document.title = "Jobs: " + done + " of " + items.length + " done";
  }

  function show(li, job) {
    li.dataset.status = job.status;
    li.className = "job " + job.status;
    li.querySelector(".status").textContent = job.status;
    li.querySelector(".stage").textContent = job.stage;
    var error = li.querySelector(".jerror");
    error.textContent = job.error ? job.error.code + ": " + job.error.message : "";
    var report = li.querySelector(".report-link");
    if (job.article_id && job.status === "succeeded") {
      report.setAttribute("href", "/report/" + encodeURIComponent(job.article_id));
      report.hidden = false;
    }
    count();
  }

  function fallBack() {
    if (reloading) return;
    reloading = true;
    window.setTimeout(function () { window.location.reload(); }, 2000);
  }

  // Browsers open about six connections per host: follow a few jobs at once, then the next.
  var waiting = [];
  var open = 0;
  var MAX_OPEN = 4;

  function next() {
    while (open < MAX_OPEN && waiting.length) follow(waiting.shift());
  }

  function follow(li) {
    open += 1;
    var stream = new EventSource("/v1/jobs/" + encodeURIComponent(li.dataset.job) + "/events");
    stream.addEventListener("job", function (event) {
      show(li, JSON.parse(event.data));
    });
    stream.addEventListener("end", function () {
      stream.close();
      open -= 1;
      next();
    });
    stream.onerror = function () {
      stream.close();
      if (!ended(li.dataset.status)) fallBack();
    };
  }

  waiting = items.filter(function (li) { return !ended(li.dataset.status); });
  count();
  // With keys on, the browser holds the key for the pages only, not for /v1: reload instead.
  if (list.dataset.auth === "on") {
    if (waiting.length) fallBack();
    return;
  }
  next();
})();
