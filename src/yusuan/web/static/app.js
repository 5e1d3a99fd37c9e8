// yusuan web: the two things the pages do with script, each working without it as well.
//  - the upload form sends its files to /api/uploads and shows the bytes going up;
//    without script the form posts to /upload and the browser shows its own progress;
//  - the progress page asks /api/jobs how far each file has got;
//    without script it reloads itself every two seconds.
// Text from the server is put in with textContent only, never as HTML.
"use strict";

(function () {
  function $(id) { return document.getElementById(id); }

  function show(element, text) {
    element.textContent = text;
    element.hidden = false;
  }

  function enhanceUploadForm(form) {
    var bar = $("upload-bar"), text = $("upload-text"), box = $("upload-progress"), error = $("upload-error");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var request = new XMLHttpRequest();
      request.open("POST", "/api/uploads");
      request.responseType = "json";
      request.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) {
          bar.value = Math.round(e.loaded / e.total * 100);
          text.textContent = "正在上传 " + bar.value + "%";
        }
      });
      request.addEventListener("load", function () {
        var body = request.response || {};
        if (request.status === 202 && body.jobs) {
          text.textContent = "上传完成，正在处理…";
          window.location.assign("/uploads?jobs=" + body.jobs.map(function (j) { return encodeURIComponent(j.id); }).join(","));
        } else {
          box.hidden = true;
          show(error, typeof body.detail === "string" ? body.detail : "上传失败（" + request.status + "）。请重试。");
        }
      });
      request.addEventListener("error", function () {
        box.hidden = true;
        show(error, "上传中断：无法连接服务器。请检查网络后重试。");
      });
      error.hidden = true;
      bar.value = 0;
      show(text, "正在上传…");
      box.hidden = false;
      request.send(new FormData(form));
    });
  }

  function jobBody(job) {
    var body = document.createElement("div");
    body.className = "job-body";
    if (job.state === "done") {
      var link = document.createElement("a");
      link.className = "job-link";
      link.href = "/documents/" + job.document_id;
      link.textContent = (job.department || "（未识别部门）") + " " + (job.year || "") + " — 查看检查结果";
      var counts = document.createElement("span");
      counts.className = "job-counts";
      counts.textContent = "错误 " + job.errors + " · 警告 " + job.warnings + (job.existing ? " · 已在档案中" : "");
      body.append(link, " ", counts);
    } else if (job.state === "failed") {
      var message = document.createElement("span");
      message.className = "job-message";
      message.textContent = job.message;
      body.append(message);
    } else {
      var elapsed = document.createElement("span");
      elapsed.className = "job-elapsed";
      elapsed.textContent = "已用 " + job.elapsed + " 秒";
      body.append(elapsed);
    }
    return body;
  }

  function updateJob(item, job) {
    item.className = "job state-" + job.state;
    item.querySelector(".job-state").textContent = job.state_label;
    item.querySelector(".job-meta").textContent =
      item.querySelector(".job-meta").textContent.split(" · ")[0] + (job.pages ? " · " + job.pages + " 页" : "");
    var progress = item.querySelector("progress");
    progress.max = job.steps;
    progress.value = job.step === null ? job.steps : job.step;
    item.replaceChild(jobBody(job), item.querySelector(".job-body"));
  }

  function watchJobs(list) {
    var ids = list.getAttribute("data-jobs");
    if (!ids) { return; }
    function poll() {
      fetch("/api/jobs?ids=" + encodeURIComponent(ids), { headers: { "Accept": "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (jobs) {
          var open = 0;
          jobs.forEach(function (job) {
            var item = list.querySelector('[data-job="' + job.id + '"]');
            if (item) { updateJob(item, job); }
            if (job.state !== "done" && job.state !== "failed") { open += 1; }
          });
          $("jobs-summary").textContent = open ? "正在处理 " + open + " 个文件（页面会自动更新）。" : "全部处理完毕。";
          if (open) { window.setTimeout(poll, 800); }
        })
        .catch(function () { window.setTimeout(poll, 3000); });
    }
    poll();
  }

  document.addEventListener("DOMContentLoaded", function () {
    var form = $("upload-form");
    if (form) { enhanceUploadForm(form); }
    var jobs = $("jobs");
    if (jobs) { watchJobs(jobs); }
  });
})();
