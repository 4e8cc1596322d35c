using Microsoft.EntityFrameworkCore;
using MyPage.Time;

namespace MyPage.Data;

// 開発用のデモデータ: デモ求職者のホームがマニュアルの画面のように見えるだけの求人・メッセージ・条件。
// 日付は「今日」から数えるので、いつ起動しても求人は有効のまま。
internal static class DemoData
{
    public const int RequestCount = 24;
    public const string NewestNumber = "13010-00999999";

    public static readonly Office[] Offices =
    [
        new() { Name = "飯田橋公共職業安定所", Address = "東京都文京区後楽1-9-20 飯田橋合同庁舎内", Phone = "03-3812-8609" },
        new() { Name = "渋谷公共職業安定所", Address = "東京都渋谷区神南1-3-5", Phone = "03-3476-8609" },
    ];

    private static readonly (string Occupation, string Company, string Workplace, string Category, string Employment, string Hours, string[] Tags)[] Kinds =
    [
        ("介護職員", "社会福祉法人さくら会", "東京都文京区", "フルタイム", "正社員", "(1)08時30分～17時30分", ["経験不問", "学歴不問", "週休二日制(土日休)"]),
        ("一般事務", "株式会社みらい商事", "東京都千代田区", "フルタイム", "正社員", "09時00分～17時45分", ["時間外労働なし", "転勤なし", "駅近(徒歩10分以内)"]),
        ("販売スタッフ", "株式会社まちかどストア", "東京都新宿区", "パート", "パート労働者", "10時00分～15時00分", ["経験不問", "マイカー通勤可"]),
        ("倉庫内作業", "株式会社東京ロジ", "埼玉県戸田市", "フルタイム", "正社員以外", "08時00分～17時00分", ["学歴不問", "マイカー通勤可", "UIJターン歓迎"]),
        ("調理補助", "株式会社やさしい食堂", "東京都千代田区", "パート", "パート労働者", "11時00分～14時00分", ["経験不問", "駅近(徒歩10分以内)"]),
        ("看護師", "医療法人あおば会", "東京都豊島区", "フルタイム", "正社員", "(1)08時30分～17時00分", ["転勤なし", "トライアル雇用併用"]),
    ];

    public static async Task SeedAsync(MyPageDb db, Seeker seeker, DateTimeOffset now, CancellationToken ct = default)
    {
        foreach (var office in Offices)
            if (!await db.Offices.AnyAsync(o => o.Name == office.Name, ct)) db.Offices.Add(new() { Name = office.Name, Address = office.Address, Phone = office.Phone });
        if (await db.JobRequests.AnyAsync(r => r.SeekerId == seeker.Id, ct)) { await db.SaveChangesAsync(ct); return; }

        var today = DateOnly.FromDateTime(JapanTime.From(now).DateTime);
        var newest = new JobPosting
        {
            Number = NewestNumber, Occupation = "介護福祉士", ReceivedOn = today.AddDays(-6), ReferralDeadline = today.AddDays(64),
            Category = "フルタイム", CompanyName = "株式会社ハローワークテスト", Workplace = "東京都千代田区",
            Description = "グループホーム(2ユニット:18人定員)にて、ご利用者様に対する生活全般の介護サービスを提供いただきます。(主な業務)食事・入浴・排せつの介助、レクリエーションの企画と実施。",
            EmploymentType = "正社員", WorkingHours = "(1)09時00分～18時00分", Holidays = "土日祝", FiveDayWeek = "毎週", AnnualHolidays = 120,
            Age = "制限あり　～59歳以下", PublicationScope = "1.事業所名等を含む求人情報を公開する",
            Tags = "経験不問|学歴不問|時間外労働なし|週休二日制(土日休)|転勤なし|通勤手当あり|駅近(徒歩10分以内)|マイカー通勤可|UIJターン歓迎|トライアル雇用併用",
            Openings = 1,
        };
        var jobs = new List<JobPosting> { newest };
        for (var i = 1; i < 34; i++)
        {
            var kind = Kinds[i % Kinds.Length];
            // 最後の4件は紹介期限切れ（検索には出ない）
            var expired = i >= 30;
            jobs.Add(new JobPosting
            {
                Number = $"13010-{999999 - i:D8}", Occupation = kind.Occupation, ReceivedOn = today.AddDays(-6 - i),
                ReferralDeadline = expired ? today.AddDays(-1) : today.AddDays(60 - i),
                Category = kind.Category, CompanyName = kind.Company, Workplace = kind.Workplace,
                Description = $"{kind.Occupation}として、担当する業務をお任せします。未経験の方には先輩が丁寧に教えます。",
                EmploymentType = kind.Employment, WorkingHours = kind.Hours, Holidays = kind.Category == "パート" ? "シフト制" : "土日祝",
                FiveDayWeek = kind.Category == "パート" ? "その他" : "毎週", AnnualHolidays = kind.Category == "パート" ? 105 : 120,
                Age = "不問", PublicationScope = "1.事業所名等を含む求人情報を公開する", Tags = string.Join('|', kind.Tags), Openings = 1 + i % 3,
            });
        }
        db.JobPostings.AddRange(jobs);
        await db.SaveChangesAsync(ct);

        for (var i = 0; i < RequestCount; i++)
            db.JobRequests.Add(new JobRequest { SeekerId = seeker.Id, JobPostingId = jobs[i].Id, RequestedAt = now - TimeSpan.FromHours(i) });
        foreach (var (job, days) in new[] { (jobs[0], 1), (jobs[7], 3), (jobs[12], 5), (jobs[25], 8) })
            db.JobApplications.Add(new JobApplication { SeekerId = seeker.Id, JobPostingId = job.Id, AppliedAt = now - TimeSpan.FromDays(days) });
        db.SavedSearches.AddRange(
            new SavedSearch { SeekerId = seeker.Id, Slot = 1, Name = "希望する求人の条件1", Keyword = "介護" },
            new SavedSearch { SeekerId = seeker.Id, Slot = 2, Name = "希望する求人の条件2", Category = "パート" },
            new SavedSearch { SeekerId = seeker.Id, Slot = 3, Name = "希望する求人の条件3", Workplace = "千代田区", Category = "フルタイム" });
        db.Messages.AddRange(
            new SeekerMessage { SeekerId = seeker.Id, JobPostingId = newest.Id, Sender = "株式会社ハローワークテスト", Subject = "面接日程のご案内", Body = "ご応募ありがとうございます。面接の日程について、ご都合のよい日をお知らせください。", SentAt = now - TimeSpan.FromHours(2) },
            new SeekerMessage { SeekerId = seeker.Id, Sender = seeker.OfficeName ?? "飯田橋公共職業安定所", Subject = "職業相談のご案内", Body = "求職活動についてのご相談を、窓口で受け付けています。お気軽にお越しください。", SentAt = now - TimeSpan.FromHours(26) },
            new SeekerMessage { SeekerId = seeker.Id, JobPostingId = newest.Id, Sender = "株式会社ハローワークテスト", Subject = "リクエストのお知らせ", Body = "あなたの求職情報を拝見し、ぜひ応募をご検討いただきたくご連絡しました。", SentAt = now - TimeSpan.FromDays(3), ReadAt = now - TimeSpan.FromDays(2) },
            new SeekerMessage { SeekerId = seeker.Id, Sender = seeker.OfficeName ?? "飯田橋公共職業安定所", Subject = "求職者マイページのご利用ありがとうございます", Body = "求職者マイページでは、求人への応募状況やメッセージを確認できます。", SentAt = now - TimeSpan.FromDays(10), ReadAt = now - TimeSpan.FromDays(9) });
        seeker.IsPublic = true;
        await db.SaveChangesAsync(ct);
    }
}
