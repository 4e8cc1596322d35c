using System.Net;
using MyPage.Data;
using MyPage.Pages.Shared;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Pages.Jobs;

// 求人票を誰が見られるか: 公開中（公開範囲 1・2）で紹介期限内なら、ログインした求職者みな。
// 期限切れと「公開しない」は、その求人にかかわる本人（リクエスト、応募、メッセージ）だけ。
public class JobVisibilityTests(JobVisibilityTests.Site site) : IClassFixture<JobVisibilityTests.Site>
{
    private const string Password = "Right-pass-1";
    private readonly MyPageApp app = site.App;
    private readonly Dictionary<string, int> jobs = site.Jobs;

    // 四つの求人と二人の求職者（テストクラスで一度だけ作る。テストは読むだけ）
    public sealed class Site : SiteFixture
    {
        public readonly Dictionary<string, int> Jobs = [];
        private Seeker related = null!;
        private Seeker requested = null!;
        private MyPageApp app => App;
        private Dictionary<string, int> jobs => Jobs;
        private const string Password = JobVisibilityTests.Password;

        public override async Task InitializeAsync()
        {
            related = await app.CreateSeekerAsync("related@example.jp", Password, "70000-1111111");
            await app.CreateSeekerAsync("stranger@example.jp", Password, "70000-2222222");
            requested = await app.CreateSeekerAsync("requested@example.jp", Password, "70000-3333333");
            var today = MyPage.Time.JapanTime.Today(app.Time);
            await app.WithDbAsync(async db =>
            {
                foreach (var (name, scope, deadline) in new[]
                         {
                             ("open", "1.事業所名等を含む求人情報を公開する", today),
                             ("nameless", "2.事業所名等を含まない求人情報を公開する", today.AddDays(10)),
                             ("private", "3.求人情報を公開しない", today.AddDays(10)),
                             ("expired", "1.事業所名等を含む求人情報を公開する", today.AddDays(-1)),
                         })
                {
                    var job = new JobPosting
                    {
                        Number = $"13010-0000{jobs.Count:D4}", Occupation = $"職種{name}", ReferralDeadline = deadline, ReceivedOn = today.AddDays(-30),
                        Category = "フルタイム", CompanyName = $"株式会社{name}", Workplace = "東京都千代田区", Description = "仕事", EmploymentType = "正社員",
                        WorkingHours = "9時～17時", Holidays = "土日祝", FiveDayWeek = "毎週", Age = "不問", PublicationScope = scope, Tags = "", Openings = 1,
                    };
                    db.JobPostings.Add(job);
                    await db.SaveChangesAsync();
                    jobs[name] = job.Id;
                }
                // 「期限切れ」の求人者からリクエストを受け、「公開しない」求人についてメッセージを受けた人
                db.JobRequests.Add(new JobRequest { SeekerId = related.Id, JobPostingId = jobs["expired"], RequestedAt = DateTimeOffset.FromUnixTimeMilliseconds(1) });
                db.Messages.Add(new SeekerMessage { SeekerId = related.Id, JobPostingId = jobs["private"], Sender = "株式会社private", Subject = "面接のご案内", Body = "本文", SentAt = DateTimeOffset.FromUnixTimeMilliseconds(1) });
                // 事業所名を公開しない求人の求人者から、リクエストを受けた人
                db.JobRequests.Add(new JobRequest { SeekerId = requested.Id, JobPostingId = jobs["nameless"], RequestedAt = DateTimeOffset.FromUnixTimeMilliseconds(2) });
                return await db.SaveChangesAsync();
            });
        }
    }

    [Theory]
    [InlineData("open", "stranger@example.jp", HttpStatusCode.OK)]
    [InlineData("nameless", "stranger@example.jp", HttpStatusCode.OK)]
    [InlineData("private", "stranger@example.jp", HttpStatusCode.NotFound)]
    [InlineData("expired", "stranger@example.jp", HttpStatusCode.NotFound)]
    [InlineData("private", "related@example.jp", HttpStatusCode.OK)]
    [InlineData("expired", "related@example.jp", HttpStatusCode.OK)]
    public async Task Can_see_a_posting_only_when_it_is_published_and_open_or_it_concerns_the_seeker(string job, string seeker, HttpStatusCode expected)
    {
        using var client = await LogInAsync(seeker);
        Assert.Equal(expected, (await client.GetAsync($"/Jobs/Detail/{jobs[job]}")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/Messages/Job/{jobs[job]}")).StatusCode);
    }

    [Fact]
    public async Task Cannot_see_the_company_of_a_posting_published_without_it()
    {
        using var client = await LogInAsync("stranger@example.jp");
        var html = await client.GetStringAsync($"/Jobs/Detail/{jobs["nameless"]}");
        Assert.Contains(JobTexts.CompanyHidden, html);
        Assert.DoesNotContain("株式会社nameless", html);
        Assert.Contains("株式会社open", await client.GetStringAsync($"/Jobs/Detail/{jobs["open"]}"));
    }

    // 公開範囲 2 の求人を、求人を出すすべての画面で: かかわりのない人には事業所名を伏せ（事業所名で探しても当たらない）、
    // リクエストを受けた本人には見せる。カードの既定は伏せる側
    [Fact]
    public async Task Shows_the_company_of_a_posting_published_without_it_only_to_the_seeker_it_concerns_on_every_screen()
    {
        var stranger = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == "stranger@example.jp")));
        await app.WithDbAsync(db =>
        {
            db.SavedSearches.Add(new SavedSearch { SeekerId = stranger.Id, Slot = 2, Name = "事業所名", Keyword = "株式会社nameless" });
            db.SavedSearches.Add(new SavedSearch { SeekerId = stranger.Id, Slot = 3, Name = "職種", Keyword = "職種" });
            return db.SaveChangesAsync();
        });
        using (var client = await LogInAsync("stranger@example.jp"))
        {
            foreach (var path in new[] { $"/Jobs/Detail/{jobs["nameless"]}", $"/Messages/Job/{jobs["nameless"]}", "/SavedSearches/Run/3" })
                Assert.DoesNotContain("株式会社nameless", await client.GetStringAsync(path));
            // 事業所名で探しても当たらない（画面は探した言葉を書き返すので、結果の数と職種で見る）
            var byName = await client.GetStringAsync("/SavedSearches/Run/2");
            Assert.Contains("0件の有効な求人が見つかりました。", byName);
            Assert.DoesNotContain("職種nameless", byName);
        }
        using (var client = await LogInAsync("requested@example.jp"))
        {
            foreach (var path in new[] { "/Home", "/Home/Requests", $"/Jobs/Detail/{jobs["nameless"]}", $"/Messages/Job/{jobs["nameless"]}" })
                Assert.Contains("株式会社nameless", await client.GetStringAsync(path));
        }

        var nameless = await app.WithDbAsync(db => db.JobPostings.FindAsync(jobs["nameless"]).AsTask());
        var today = MyPage.Time.JapanTime.Today(app.Time);
        Assert.False(new MyPage.Pages.Shared.JobCard(nameless!, today, Links: true).ShowsCompany);
        Assert.True(new MyPage.Pages.Shared.JobCard(nameless!, today, Links: true, Related: true).ShowsCompany);
    }

    [Fact]
    public async Task Can_see_an_expired_posting_that_concerns_the_seeker_marked_as_expired()
    {
        using var client = await LogInAsync("related@example.jp");
        var html = await client.GetStringAsync($"/Jobs/Detail/{jobs["expired"]}");
        Assert.Contains(JobTexts.Closed, html);
        Assert.Contains("株式会社expired", html);
    }

    [Fact]
    public async Task Can_find_only_published_open_postings_with_a_saved_search()
    {
        var stranger = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.Email == "stranger@example.jp")));
        await app.WithDbAsync(db =>
        {
            db.SavedSearches.Add(new SavedSearch { SeekerId = stranger.Id, Slot = 1, Name = "すべての職種", Keyword = "職種" });
            return db.SaveChangesAsync();
        });
        using var client = await LogInAsync("stranger@example.jp");
        var html = await client.GetStringAsync("/SavedSearches/Run/1");
        Assert.Contains("2件の有効な求人が見つかりました。", html);
        Assert.Contains("職種open", html);
        Assert.Contains("職種nameless", html);
        Assert.DoesNotContain("株式会社nameless", html);
        Assert.DoesNotContain("職種private", html);
        Assert.DoesNotContain("職種expired", html);
    }

    private async Task<HttpClient> LogInAsync(string email)
    {
        var client = app.CreateHttpClient();
        Assert.Equal(HttpStatusCode.Redirect, (await Forms.LoginAsync(client, email, Password)).StatusCode);
        return client;
    }
}
