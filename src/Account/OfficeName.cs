namespace MyPage.Account;

// 管轄安定所の名前（ホームに出る）。職員のコマンドの --office で記録する。公共職業安定所の名前か、
// ハローワークの名（例 飯田橋公共職業安定所、ハローワーク飯田橋、マザーズハローワーク東京）だけを受け付ける。
// 一覧は持たない（統廃合で変わる）が、打ち間違いや別の欄の値（求職番号、メールアドレス）を求職者の画面に出さない。
internal static class OfficeName
{
    public const int MaxLength = 40;

    public const string Problem = "--office は安定所の名前（例 飯田橋公共職業安定所、ハローワーク飯田橋）で、40文字以内で指定してください。";

    // 正しければ正規化した名前（NFKC、前後の空白を除く）、そうでなければ null
    public static string? Normalize(string? raw)
    {
        if (string.IsNullOrWhiteSpace(raw)) return null;
        var name = raw.Normalize(System.Text.NormalizationForm.FormKC).Trim();
        if (name.Length > MaxLength || name.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || char.IsAscii(c))) return null;
        return name.Contains("公共職業安定所", StringComparison.Ordinal) || name.Contains("ハローワーク", StringComparison.Ordinal) ? name : null;
    }
}
