// 人の確認（src/Pages/Shared/_BotCheck.cshtml）を動かす。forms.js が、部品のある画面でだけ読み込む。
// ProofOfWork: Web Worker で問題を解き、BotCheck 欄に答えを入れる。ReCaptcha: 送信のときに Google のトークンを入れる。
// 答えが入る前に送信ボタンが押されたら、送信を止めて、入りしだい送る（利用者が押した送信なので、勝手な送信ではない）。
(function () {
  'use strict';

  function status(box, text) {
    var region = box.querySelector('.bot-check-status');
    if (region) region.textContent = text || '';
  }

  function answer(box) { return box.querySelector('input[name="BotCheck"]'); }

  // quiet: 画面を開いたときから出ている確認（S1）。入力している人の読み上げを遮らないよう、進み具合は言わない
  // （送信を押して待たせたとき、失敗したときは言う）。送信の結果として出た確認（フォーカスが来ている）は言う
  function quiet(box) { return !box.hasAttribute('autofocus') && box.dataset.pending !== 'true'; }

  function finish(box, value) {
    answer(box).value = value;
    box.dataset.state = 'done';
    if (!quiet(box)) status(box, box.dataset.done);
    var form = box.closest('form');
    // 止めた送信の処理が終わってから送り直す（その途中の requestSubmit はブラウザが無視する）
    if (box.dataset.pending === 'true' && form) { box.dataset.pending = 'false'; setTimeout(function () { form.requestSubmit(); }, 0); }
  }

  function fail(box) {
    box.dataset.state = 'failed';
    status(box, box.dataset.failed);
  }

  function solveProofOfWork(box) {
    var task;
    try { task = JSON.parse(box.dataset.challenge); } catch (e) { fail(box); return; }
    if (!window.crypto || !crypto.subtle || !window.Worker) { fail(box); return; }
    var worker = new Worker(box.dataset.worker);
    worker.onmessage = function (event) {
      worker.terminate();
      if (event.data.number < 0) { fail(box); return; }
      var payload = { algorithm: task.algorithm, challenge: task.challenge, number: event.data.number, salt: task.salt, signature: task.signature };
      finish(box, btoa(JSON.stringify(payload)));
    };
    worker.onerror = function () { fail(box); };
    worker.postMessage(task);
  }

  // reCAPTCHA v3: スクリプトを一度だけ読み、送信のときにトークンを取る
  var recaptchaLoading = null;
  function loadRecaptcha(box) {
    if (recaptchaLoading) return recaptchaLoading;
    recaptchaLoading = new Promise(function (resolve, reject) {
      var script = document.createElement('script');
      script.src = box.dataset.recaptcha + (box.dataset.recaptcha.indexOf('?') < 0 ? '?' : '&') + 'render=' + encodeURIComponent(box.dataset.siteKey);
      script.onload = function () { window.grecaptcha.ready(resolve); };
      script.onerror = reject;
      document.head.appendChild(script);
    });
    return recaptchaLoading;
  }

  function tokenFromRecaptcha(box) {
    loadRecaptcha(box).then(function () {
      return window.grecaptcha.execute(box.dataset.siteKey, { action: box.dataset.action });
    }).then(function (token) { finish(box, token); }, function () { fail(box); });
  }

  // data-pending: 送信の結果として出た確認（S2）。利用者はもう送っているので、答えが入りしだい送る、と言う
  function start(box) {
    if (box.dataset.state) return;
    box.dataset.state = 'working';
    var pending = box.dataset.pending === 'true';
    if (!quiet(box)) status(box, pending ? box.dataset.wait : box.dataset.working);
    if (box.dataset.botCheck === 'ProofOfWork') solveProofOfWork(box);
    else if (box.dataset.botCheck === 'ReCaptcha') loadRecaptcha(box).then(function () {
      if (pending) { tokenFromRecaptcha(box); return; }
      box.dataset.state = 'ready'; status(box, '');
    }, function () { fail(box); });
  }

  function startAll(root) {
    var boxes = (root || document).querySelectorAll('[data-bot-check]');
    for (var i = 0; i < boxes.length; i++) start(boxes[i]);
  }

  // 答えがまだなら送信を止め、入りしだい送る（htmx の送信より先に、捕捉の段階で受ける）
  document.addEventListener('submit', function (event) {
    var box = event.target.querySelector && event.target.querySelector('[data-bot-check]');
    if (!box || answer(box).value) return;
    if (box.dataset.state === 'failed') return; // 送ってサーバーに確かめてもらう（新しい問題が返る）
    event.preventDefault();
    event.stopImmediatePropagation();
    box.dataset.pending = 'true';
    status(box, box.dataset.wait);
    if (box.dataset.botCheck === 'ReCaptcha') tokenFromRecaptcha(box);
  }, true);

  document.addEventListener('htmx:load', function (event) { startAll(event.detail.elt); });
  startAll(document);
})();
