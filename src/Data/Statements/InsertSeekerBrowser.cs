using Microsoft.EntityFrameworkCore;

namespace MyPage.Data;

// 求職者が初めてログインしたブラウザを入れる。同時の二つ目のログインが先に入れていれば何もしない
internal static class InsertSeekerBrowser
{
    public static Task<int> IfAbsentAsync(MyPageDb db, string seekerId, string browserTag, string description, DateTimeOffset now, CancellationToken ct = default)
    {
        var t = db.NamesOf<SeekerBrowser>();
        var (seeker, browser) = (t[nameof(SeekerBrowser.SeekerId)], t[nameof(SeekerBrowser.BrowserTag)]);
        return db.Database.ExecuteSqlAsync(db.Sql($"""
            INSERT INTO {t.Table} ({seeker}, {browser}, {t[nameof(SeekerBrowser.Description)]}, {t[nameof(SeekerBrowser.FirstSeenAt)]}, {t[nameof(SeekerBrowser.LastSeenAt)]}, {t[nameof(SeekerBrowser.TrustedUntil)]})
            VALUES ({seekerId}, {browserTag}, {description}, {now}, {now}, NULL)
            ON CONFLICT ({seeker}, {browser}) DO NOTHING
            """), ct);
    }
}
