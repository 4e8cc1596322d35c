// 計算による確認の Web Worker: SHA-256(salt + number) が challenge になる number を 0 から探す（ALTCHA と同じ）。
'use strict';
self.onmessage = async function (event) {
  var task = event.data;
  var encoder = new TextEncoder();
  var chunk = 500;
  for (var start = 0; start <= task.maxnumber; start += chunk) {
    var end = Math.min(start + chunk - 1, task.maxnumber);
    var digests = [];
    for (var n = start; n <= end; n++) digests.push(crypto.subtle.digest('SHA-256', encoder.encode(task.salt + n)));
    var results = await Promise.all(digests);
    for (var i = 0; i < results.length; i++) {
      if (hex(results[i]) === task.challenge) { self.postMessage({ number: start + i }); return; }
    }
  }
  self.postMessage({ number: -1 });
};

function hex(buffer) {
  var bytes = new Uint8Array(buffer);
  var out = '';
  for (var i = 0; i < bytes.length; i++) out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
  return out;
}
