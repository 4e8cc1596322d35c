using System.Linq.Expressions;

namespace MyPage.Data;

// 求人。有効かどうかは紹介期限日から決まる（JobPosting.IsOpen）。
internal class JobPosting
{
    public int Id { get; set; }
    public required string Number { get; set; }          // 求人番号 13010-00999999
    public required string Occupation { get; set; }      // 職種
    public DateOnly ReceivedOn { get; set; }             // 受付年月日
    public DateOnly ReferralDeadline { get; set; }       // 紹介期限日
    public required string Category { get; set; }        // 区分 フルタイム/パート
    public required string CompanyName { get; set; }     // 事業所名
    public required string Workplace { get; set; }       // 就業場所
    public required string Description { get; set; }     // 仕事の内容
    public required string EmploymentType { get; set; }  // 雇用形態
    public required string WorkingHours { get; set; }    // 就業時間
    public required string Holidays { get; set; }        // 休日
    public required string FiveDayWeek { get; set; }     // 週休二日制
    public int AnnualHolidays { get; set; }              // 年間休日数
    public required string Age { get; set; }             // 年齢
    public required string PublicationScope { get; set; } // 公開範囲
    public required string Tags { get; set; }            // 経験不問|学歴不問|… （| 区切り）
    public int Openings { get; set; }                    // 求人数

    public IEnumerable<string> TagList => Tags.Split('|', StringSplitOptions.RemoveEmptyEntries);

    // 紹介期限日を過ぎるまでは有効（日本の日付で）
    public bool IsOpen(DateOnly today) => today <= ReferralDeadline;

    // 公開範囲（求人票の「公開範囲」の先頭の番号）: 1 事業所名等を含めて公開、2 事業所名等を含めずに公開、3 公開しない
    public const string PublishedWithCompany = "1";
    public const string PublishedWithoutCompany = "2";
    public bool ShowsCompany => PublicationScope.StartsWith(PublishedWithCompany, StringComparison.Ordinal);

    // 求職者みなが見られる求人: 公開中（公開範囲 1・2）で紹介期限内。データベースの問い合わせ (Where) にも、
    // 一件の判断 (IsPublishedAndOpen) にも、この一つの式を使う
    public static Expression<Func<JobPosting, bool>> PublishedAndOpen(DateOnly today)
        => j => j.ReferralDeadline >= today && (j.PublicationScope.StartsWith(PublishedWithCompany) || j.PublicationScope.StartsWith(PublishedWithoutCompany));

    public bool IsPublishedAndOpen(DateOnly today) => PublishedAndOpen(today).Compile(preferInterpretation: true)(this);
}

// 求人者からのリクエスト求人
internal class JobRequest
{
    public int Id { get; set; }
    public required string SeekerId { get; set; }
    public int JobPostingId { get; set; }
    public JobPosting Job { get; set; } = null!;
    public DateTimeOffset RequestedAt { get; set; }
}

// 応募中の求人
internal class JobApplication
{
    public int Id { get; set; }
    public required string SeekerId { get; set; }
    public int JobPostingId { get; set; }
    public JobPosting Job { get; set; } = null!;
    public DateTimeOffset AppliedAt { get; set; }
}

// 保存した求人検索条件（検索条件1〜3）
internal class SavedSearch
{
    public int Id { get; set; }
    public required string SeekerId { get; set; }
    public int Slot { get; set; }
    public required string Name { get; set; }
    public string? Keyword { get; set; }
    public string? Category { get; set; }
    public string? Workplace { get; set; }
}

// メッセージ（ハローワークや求人者から）。既読は ReadAt で持つ。
internal class SeekerMessage
{
    public int Id { get; set; }
    public required string SeekerId { get; set; }
    public int? JobPostingId { get; set; }
    public JobPosting? Job { get; set; }
    public required string Sender { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset SentAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}

// 公共職業安定所（管轄安定所）
internal class Office
{
    public required string Name { get; set; }
    public required string Address { get; set; }
    public required string Phone { get; set; }
}
