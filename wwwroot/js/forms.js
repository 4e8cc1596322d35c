// htmx で送るフォームの待ちと失敗を、見える形と読み上げで知らせる（JavaScript がなければ普通の送信なので要らない）。
// 文言は画面の <meta name="mypage-form-texts">（C# の FormTexts）から読む。
(function () {
  'use strict';
  var texts = {};
  try { texts = JSON.parse(document.querySelector('meta[name="mypage-form-texts"]').content); } catch (e) { /* 文言がなければ何も出さない */ }

  function formOf(evt) {
    var elt = evt.detail && evt.detail.elt;
    return elt && elt.closest ? elt.closest('form[hx-post]') : null;
  }

  function part(form, selector) { return form.querySelector(selector); }

  // 送っている間の印は data-sending（aria-busy ではない: aria-busy の中の「送信しています…」を、読み上げが待たせることがある）
  function setBusy(form, busy) {
    if (busy) form.setAttribute('data-sending', ''); else form.removeAttribute('data-sending');
    var button = part(form, 'button[type="submit"]');
    if (button) { if (busy) button.setAttribute('aria-disabled', 'true'); else button.removeAttribute('aria-disabled'); }
    var status = part(form, '.form-status');
    if (status) status.textContent = busy ? texts.sending || '' : '';
  }

  // 失敗をフォームの中の知らせに書き、そこへフォーカスを移す（フォーカスで読まれる。role="alert" は付けない: 二度読まれる）
  function fail(form, message) {
    setBusy(form, false);
    var alert = part(form, '.form-alert');
    if (!alert || !message) return;
    alert.textContent = message;
    alert.hidden = false;
    alert.focus();
  }

  document.addEventListener('htmx:beforeRequest', function (evt) {
    var form = formOf(evt);
    if (!form) return;
    var alert = part(form, '.form-alert');
    if (alert) { alert.textContent = ''; alert.hidden = true; }
    setBusy(form, true);
  });

  document.addEventListener('htmx:afterRequest', function (evt) {
    var form = formOf(evt);
    if (form && evt.detail.successful) setBusy(form, false);
  });

  document.addEventListener('htmx:sendError', function (evt) {
    var form = formOf(evt);
    if (form) fail(form, texts.offline);
  });

  document.addEventListener('htmx:timeout', function (evt) {
    var form = formOf(evt);
    if (form) fail(form, texts.timeout);
  });

  document.addEventListener('htmx:responseError', function (evt) {
    var form = formOf(evt);
    if (!form) return;
    var xhr = evt.detail.xhr;
    if (xhr.status === 429) {
      var wait = parseInt(xhr.getResponseHeader('Retry-After') || '', 10);
      fail(form, (texts.tooMany || '').replace('{0}', isNaN(wait) ? '60' : String(wait)));
    } else {
      fail(form, texts.server);
    }
  });

  // JavaScript があるので、待つ確認（JavaScript のないブラウザのためのもの）は要らない: 計算による確認で通る
  function dropNoscript() {
    var notes = document.querySelectorAll('.bot-check-noscript');
    for (var i = 0; i < notes.length; i++) notes[i].remove();
  }
  dropNoscript();
  // 差し替えで入った確認は、htmx が autofocus でフォーカスを移す前に（htmx:afterSwap は htmx:load と autofocus より先）。
  // 先に消さないと、フォーカスで「このボタンは…から押せます」が読まれる
  document.addEventListener('htmx:afterSwap', dropNoscript);

  // 人の確認の部品 (_BotCheck) があれば、それを動かすスクリプトを一度だけ読む（ふつうの画面では読まない）
  function loadBotCheck(root) {
    if (!root || !root.querySelector) return;
    var box = root.querySelector('[data-bot-check]');
    if (!box) return;
    if (loadBotCheck.done) return;
    loadBotCheck.done = true;
    var script = document.createElement('script');
    script.src = box.getAttribute('data-script');
    document.body.appendChild(script);
  }
  loadBotCheck(document);
  document.addEventListener('htmx:load', function (evt) { loadBotCheck(evt.detail.elt); });

  // パスキー: <template data-passkeys> の中身は、WebAuthn のあるブラウザでだけ画面に入れる（JavaScript なし、WebAuthn なしの画面は
  // 今までと同じ）。data-replaces: 代わりに消す案内。data-webauthn-field: 自動入力にパスキーも出す欄。data-script: 動かすスクリプト。
  // data-load="use" なら、data-area にふれたとき（ポインター、フォーカス、タッチ）に読む: S1 の最初の表示を重くしない
  function passkeys(root) {
    if (!window.PublicKeyCredential || !root || !root.querySelectorAll) return;
    var templates = root.querySelectorAll('template[data-passkeys]');
    for (var i = 0; i < templates.length; i++) {
      var t = templates[i], replaced = document.getElementById(t.getAttribute('data-replaces') || '');
      var field = document.getElementById(t.getAttribute('data-webauthn-field') || '');
      if (replaced) replaced.remove();
      if (field) field.setAttribute('autocomplete', 'username webauthn');
      var parts = Array.prototype.filter.call(t.content.cloneNode(true).childNodes, function (n) { return n.nodeType === 1; });
      parts.forEach(function (part) { t.parentNode.insertBefore(part, t); });
      t.remove();
      if (window.htmx) parts.forEach(function (part) { htmx.process(part); });
      var src = t.getAttribute('data-script');
      if (src) whenUsed(t.getAttribute('data-load') === 'use' ? [document.getElementById(t.getAttribute('data-area'))].concat(parts) : null, src, parts[0]);
    }
  }

  function whenUsed(areas, src, block) {
    var loaded = false;
    var load = function () {
      if (loaded) return;
      loaded = true;
      var script = document.createElement('script');
      script.src = src;
      document.body.appendChild(script);
    };
    if (!areas) return load();
    // 読み終わる前にボタンが押されたら、読み終わったスクリプトが続ける
    if (block) block.addEventListener('click', function () { if (!block.hasAttribute('data-ready')) block.setAttribute('data-pending', ''); });
    areas.forEach(function (area) {
      if (!area) return;
      ['pointerover', 'focusin', 'touchstart', 'click'].forEach(function (type) { area.addEventListener(type, load, { once: true, passive: true }); });
    });
  }
  passkeys(document);
  document.addEventListener('htmx:load', function (evt) { passkeys(evt.detail.elt); });

  // 「ログイン時間を延長する」のあと、フォーカスは知らせの帯へ移る前にいた所へ戻す（入力の途中ならその欄へ）。
  // 前にいた所がなければ、知らせのある <main> の頭へ（押したボタンは消えたので、<body> に落とさない）。
  // 延長の知らせは role="status" の #session-status だけが読む（知らせにフォーカスを移すと、二度読まれる）
  var beforeSessionBar = null;
  document.addEventListener('focusin', function (evt) {
    if (evt.target.closest && !evt.target.closest('#session-timer')) beforeSessionBar = evt.target;
  });
  document.addEventListener('htmx:afterSettle', function (evt) {
    var elt = evt.detail.elt;
    if (!elt || elt.id !== 'session-timer' || !elt.querySelector('.session-note')) return;
    if (beforeSessionBar && beforeSessionBar !== document.body && document.contains(beforeSessionBar)) beforeSessionBar.focus();
    else if (document.getElementById('main')) document.getElementById('main').focus();
  });

  // 差し替えたフォームにエラーのまとめがあれば、JavaScript なしと同じく title の先頭を「エラー：」に
  document.addEventListener('htmx:afterSwap', function () {
    var prefix = texts.errorPrefix || '';
    if (!prefix) return;
    var hasErrors = !!document.getElementById('error-summary');
    var title = document.title.indexOf(prefix) === 0 ? document.title.slice(prefix.length) : document.title;
    document.title = hasErrors ? prefix + title : title;
  });
})();
