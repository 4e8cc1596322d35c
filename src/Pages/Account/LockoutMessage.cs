namespace MyPage.Pages.Account;

// ロック中の知らせ（ログイン、退会、連携開始で同じ）。入力の誤りではないので、エラーのまとめには入れず、
// 見出し付きの知らせ (_Lockout) で、マニュアルの文と、もう一度試せる時刻と、ロックを解く方法を示す。
// ByCodes: ワンタイムパスワードの誤りでロックされた（マニュアルの文はパスワードのことだけを言うので、そう言い足す）。
// ByKeys: ID(メールアドレス)の変更の認証キーの誤りでロックされた（同じく言い足す）
internal sealed record Lockout(DateTimeOffset? Until, bool ByCodes = false, bool ByKeys = false);
