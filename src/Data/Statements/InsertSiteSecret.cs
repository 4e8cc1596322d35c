using Microsoft.EntityFrameworkCore;

namespace MyPage.Data;

// サイトの秘密を一度だけ入れる: 同時に起動した別のインスタンスが先に入れていれば何もしない（先に入ったほうを皆が使う）
internal static class InsertSiteSecret
{
    public static void IfAbsent(MyPageDb db, string name, string value)
    {
        var t = db.NamesOf<SiteSecret>();
        db.Database.ExecuteSql(db.Sql($"""
            INSERT INTO {t.Table} ({t[nameof(SiteSecret.Name)]}, {t[nameof(SiteSecret.Value)]}) VALUES ({name}, {value})
            ON CONFLICT ({t[nameof(SiteSecret.Name)]}) DO NOTHING
            """));
    }
}
