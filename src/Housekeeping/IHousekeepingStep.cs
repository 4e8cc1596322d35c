namespace MyPage.Housekeeping;

// 後片付けのログで数える種類（イベント 4001 の四つの数）
internal enum Leftover
{
    // 期限切れのセッション
    Sessions,

    // 役目を終えたログイン失敗の記録（ID ごと、接続元ごと、使い終わった人の確認）
    Throttles,

    // 送ってから（または送れないと分かってから）時間のたったメール
    Mails,

    // 使い終わった申込み（再登録、開設、ワンタイムパスワードを待つログイン、マイナポータルのサインイン）と、もう来ないブラウザ
    Requests,
}

// 後片付けの一つの手順: 一つの表から、要らなくなった行を一つの集合の DELETE … WHERE で消し、消した数を返す。
// 表を持つ部品が、自分の AddX() で AddHousekeepingStep を呼んで登録する（HousekeeperTests が、どの表の行も消えることを確かめる）
internal interface IHousekeepingStep
{
    Leftover Kind { get; }
    Task<int> RemoveAsync(DateTimeOffset now, CancellationToken ct);
}
