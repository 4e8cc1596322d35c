// 人の確認（src/Pages/Shared/_BotCheck.cshtml）を動かす。forms.js が、部品のある画面でだけ読み込む。
// ProofOfWork: Web Worker で問題を解き、BotCheck 欄に答えを入れる。ReCaptcha: 送信のときに Google のトークンを入れる。
// 答えが入る前に送信ボタンが押されたら、送信を止めて、入りしだい送る（利用者が押した送信なので、勝手な送信ではない）。
// 計算が長引けば（弱い端末）、5秒ごとに進み具合を言い、15秒を過ぎたら待つ確認への切り替えを出す。Wait: 切り替えたあとの待つ確認。
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
    var offer = box.querySelector('.bot-check-offer');
    if (offer) offer.hidden = true; // 解けたので、切り替えはもう要らない
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
    watch(box, worker);
    worker.onmessage = function (event) {
      worker.terminate();
      if (event.data.number < 0) { fail(box); return; }
      var payload = { algorithm: task.algorithm, challenge: task.challenge, number: event.data.number, salt: task.salt, signature: task.signature };
      finish(box, btoa(JSON.stringify(payload)));
    };
    worker.onerror = function () { fail(box); };
    worker.postMessage(task);
  }

  // 5秒ごとに、どれだけたったかを言う（一つの知らせは一度だけ: 5秒に一度まで）。15秒を過ぎたら切り替えのボタンを出し、
  // そのことを一度だけ言い添える。画面を開いたときからの確認 (quiet) は言わない（ボタンは出す）。差し替えで部品が消えたら、計算をやめる
  function watch(box, worker) {
    var offer = box.querySelector('.bot-check-offer');
    if (!box.dataset.progress) return;
    var started = Date.now();
    function tick() {
      if (box.dataset.state !== 'working') return;
      if (!box.isConnected) { worker.terminate(); return; }
      var seconds = Math.round((Date.now() - started) / 5000) * 5;
      if (offer && seconds >= 15) offer.hidden = false;
      if (!quiet(box)) {
        var text = box.dataset.progress.replace('{0}', String(seconds));
        if (offer && !offer.hidden && box.dataset.offered !== 'true') { box.dataset.offered = 'true'; text += box.dataset.offer; }
        status(box, text);
      }
      setTimeout(tick, 5000);
    }
    setTimeout(tick, 5000);
  }

  // 切り替えたあとの待つ確認: 押せる時刻になったら、そう言う（フォーカスは動かさない）
  function waitUntilReady(box) {
    var ms = parseInt(box.dataset.waitMs || '', 10);
    if (isNaN(ms)) return;
    setTimeout(function () { if (box.isConnected) status(box, box.dataset.ready); }, ms);
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
    if (box.dataset.botCheck === 'Wait') { waitUntilReady(box); return; }
    if (!quiet(box)) status(box, pending ? box.dataset.wait : box.dataset.working);
    if (box.dataset.botCheck === 'ProofOfWork') solveProofOfWork(box);
    else if (box.dataset.botCheck === 'ReCaptcha') loadRecaptcha(box).then(function () {
      if (pending) { tokenFromRecaptcha(box); return; }
      box.dataset.state = 'ready'; status(box, '');
    }, function () { fail(box); });
  }

  // root が部品そのもののこともある（待つ確認への切り替えは #bot-check だけを差し替える）
  function startAll(root) {
    root = root || document;
    if (root.matches && root.matches('[data-bot-check]')) { start(root); return; }
    var boxes = root.querySelectorAll('[data-bot-check]');
    for (var i = 0; i < boxes.length; i++) start(boxes[i]);
  }

  // 答えがまだなら送信を止め、入りしだい送る（htmx の送信より先に、捕捉の段階で受ける）
  document.addEventListener('submit', function (event) {
    var box = event.target.querySelector && event.target.querySelector('[data-bot-check]');
    if (!box || box.dataset.botCheck === 'Wait' || answer(box).value) return; // 待つ確認はサーバーが時刻を確かめる
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
