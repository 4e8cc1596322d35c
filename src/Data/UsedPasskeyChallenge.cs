namespace MyPage.Data;

// ログインに使い終わったパスキーの問題（challenge）。同じ問題への答え（署名）を二度通さない。期限が過ぎたら後片付けで消す
internal class UsedPasskeyChallenge
{
    public required string Challenge { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
