// パスキー (WebAuthn): S1 の「パスキーでログイン」と ID の欄の自動入力 (conditional mediation)、「ログインの安全」の「パスキーを登録する」。
// forms.js が、WebAuthn のあるブラウザでだけ読む。文言と送り先は、サーバーが data-* に入れる。
// 答えは htmx で送る: 通ればサーバーが HX-Redirect、断られればフォームごと描き直して、エラーのまとめにフォーカスが移る。
(function () {
  'use strict';
  var PKC = window.PublicKeyCredential;
  if (!PKC || !navigator.credentials) return;

  function toBase64Url(buffer) {
    var bytes = new Uint8Array(buffer), text = '';
    for (var i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
    return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  }

  function fromBase64Url(text) {
    var binary = atob(text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }

  function withIds(list) {
    return (list || []).map(function (c) { return Object.assign({}, c, { id: fromBase64Url(c.id) }); });
  }

  // 古いブラウザには parse…OptionsFromJSON と toJSON がない: 同じことを、要る所だけ
  function creationOptions(json) {
    if (PKC.parseCreationOptionsFromJSON) return PKC.parseCreationOptionsFromJSON(json);
    return Object.assign({}, json, { challenge: fromBase64Url(json.challenge), user: Object.assign({}, json.user, { id: fromBase64Url(json.user.id) }), excludeCredentials: withIds(json.excludeCredentials) });
  }

  function requestOptions(json) {
    if (PKC.parseRequestOptionsFromJSON) return PKC.parseRequestOptionsFromJSON(json);
    return Object.assign({}, json, { challenge: fromBase64Url(json.challenge), allowCredentials: withIds(json.allowCredentials) });
  }

  function credentialJson(credential) {
    if (credential.toJSON) return JSON.stringify(credential.toJSON());
    var r = credential.response, response = { clientDataJSON: toBase64Url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toBase64Url(r.attestationObject);
      response.transports = r.getTransports ? r.getTransports() : [];
    } else {
      response.authenticatorData = toBase64Url(r.authenticatorData);
      response.signature = toBase64Url(r.signature);
      if (r.userHandle) response.userHandle = toBase64Url(r.userHandle);
    }
    return JSON.stringify({ id: credential.id, rawId: toBase64Url(credential.rawId), type: credential.type, response: response,
      clientExtensionResults: credential.getClientExtensionResults(), authenticatorAttachment: credential.authenticatorAttachment });
  }

  // 失敗をフォームの失敗の知らせ (.form-alert) に書き、そこへフォーカスを移す（フォームはそのまま使える）
  function fail(form, message) {
    var alert = form && form.querySelector('.form-alert');
    if (!alert) return;
    alert.textContent = message;
    alert.hidden = false;
    alert.focus();
  }

  function send(form, url, credential) {
    htmx.ajax('POST', url, { source: form, target: form, swap: 'outerHTML', values: { Credential: credentialJson(credential) } });
  }

  // S1: 「パスキーでログイン」と自動入力
  var login = document.getElementById('passkey-login');
  if (login) {
    var button = login.querySelector('button');
    var autofill = null;
    var loginForm = function () { return document.getElementById('login-form'); };

    // 問題を出してもらう（ID は送らない）。CSRF トークンはログインのフォームのもの
    var fetchOptions = function () {
      var token = loginForm() && loginForm().querySelector('input[name="__RequestVerificationToken"]');
      var body = new URLSearchParams();
      body.append('__RequestVerificationToken', token ? token.value : '');
      return fetch(login.getAttribute('data-options'), { method: 'POST', credentials: 'same-origin', body: body })
        .then(function (response) {
          if (!response.ok) throw new Error('options ' + response.status);
          return response.json();
        });
    };

    // 自動入力: ID の欄の候補に、この端末のパスキーを出す。選ばれたら送る。取り消しやボタンへの切り替えは黙って終わる
    var startAutofill = function () {
      if (!PKC.isConditionalMediationAvailable) return;
      PKC.isConditionalMediationAvailable().then(function (available) {
        if (!available) return null;
        var controller = autofill = new AbortController();
        return fetchOptions().then(function (json) {
          return navigator.credentials.get({ publicKey: requestOptions(json), mediation: 'conditional', signal: controller.signal });
        });
      }).then(function (credential) {
        if (credential) send(loginForm(), login.getAttribute('data-login'), credential);
      }).catch(function () { /* 自動入力は使われなかった */ });
    };

    // ボタン: 自動入力を止めて、ブラウザの画面でパスキーを選んでもらう
    var signIn = function () {
      if (button.getAttribute('aria-disabled') === 'true') return;
      if (autofill) autofill.abort();
      autofill = null;
      var alert = loginForm() && loginForm().querySelector('.form-alert');
      if (alert) { alert.textContent = ''; alert.hidden = true; }
      button.setAttribute('aria-disabled', 'true');
      fetchOptions().then(function (json) {
        return navigator.credentials.get({ publicKey: requestOptions(json) });
      }).then(function (credential) {
        button.removeAttribute('aria-disabled');
        if (!credential) throw new Error('no credential');
        send(loginForm(), login.getAttribute('data-login'), credential);
      }).catch(function () {
        button.removeAttribute('aria-disabled');
        fail(loginForm(), login.getAttribute('data-failed'));
        startAutofill();
      });
    };

    button.addEventListener('click', signIn);
    login.setAttribute('data-ready', '');
    // 差し替えたフォームの ID の欄にも、パスキーの候補を
    document.addEventListener('htmx:load', function (evt) {
      var field = evt.detail.elt.querySelector && evt.detail.elt.querySelector('#login-id');
      if (field) field.setAttribute('autocomplete', 'username webauthn');
    });
    // 自動入力は、ID の欄にフォーカスが来てから（ボタンを押す人には、ボタンの画面だけを出す）
    var onIdField = function (evt) {
      if (!evt.target || evt.target.id !== 'login-id') return;
      document.removeEventListener('focusin', onIdField);
      startAutofill();
    };
    // スクリプトを読んでいる間にボタンが押されていた (forms.js が data-pending を付ける)
    if (login.hasAttribute('data-pending')) { login.removeAttribute('data-pending'); signIn(); }
    else if (document.activeElement && document.activeElement.id === 'login-id') startAutofill();
    else document.addEventListener('focusin', onIdField);
  }

  // 「ログインの安全」: パスワードを確かめたフォームには作成の選択肢がある。パスキーを作って送る
  function register(form) {
    var json = form.getAttribute('data-creation-options');
    if (!json) return;
    form.removeAttribute('data-creation-options');
    var status = form.querySelector('.form-status');
    if (status) status.textContent = form.getAttribute('data-waiting');
    var done = function () { if (status) status.textContent = ''; };
    Promise.resolve().then(function () {
      return navigator.credentials.create({ publicKey: creationOptions(JSON.parse(json)) });
    }).then(function (credential) {
      done();
      send(form, form.getAttribute('data-add'), credential);
    }).catch(function () {
      done();
      fail(form, form.getAttribute('data-failed'));
    });
  }

  function scan(root) {
    if (!root || !root.querySelectorAll) return;
    if (root.matches && root.matches('form[data-creation-options]')) register(root);
    var forms = root.querySelectorAll('form[data-creation-options]');
    for (var i = 0; i < forms.length; i++) register(forms[i]);
  }
  scan(document);
  document.addEventListener('htmx:load', function (evt) { scan(evt.detail.elt); });
})();
