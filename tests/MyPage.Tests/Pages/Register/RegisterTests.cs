using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MyPage.Pages.Register;
using MyPage.Registration;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Pages.Register;

// 「求職者マイページを開設する」: 仮登録 → メールの URL → 本登録。メールは本物の SMTP サーバーが受ける。
public class RegisterTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static int next;
    private readonly MyPageApp app = site.App;
    // テストごとのアドレスと接続元（開設の数の上限はアドレスと接続元ごと）
    private readonly string Email = $"new{Interlocked.Increment(ref next)}@example.jp";
    private readonly string ClientAddress = TestClient.UseNew();
    private const string Password = "Open-pass-2026";

    public static Dictionary<string, string> Details(string? password = Password) => new()
    {
        ["Input.Password"] = password ?? "",
        ["Input.ConfirmPassword"] = password ?? "",
        ["Input.Details.FamilyName"] = "厚生",
        ["Input.Details.GivenName"] = "太郎",
        ["Input.Details.FamilyNameKana"] = "こうせい",
        ["Input.Details.GivenNameKana"] = "ﾀﾛｳ",
        ["Input.Details.BirthYear"] = "１９９０",
        ["Input.Details.BirthMonth"] = "4",
        ["Input.Details.BirthDay"] = "01",
        ["Input.Details.PostalCode"] = "１０２－８３０６",
        ["Input.Details.Prefecture"] = "東京都",
        ["Input.Details.Phone"] = "０３－１２３４－５６７８",
    };

    private static Task<HttpResponseMessage> RequestAsync(HttpClient client, string email, bool terms = true, bool privacy = true)
    {
        var fields = new Dictionary<string, string> { ["Input.Email"] = email };
        if (terms) fields["Input.AgreeTerms"] = "true";
        if (privacy) fields["Input.AgreePrivacy"] = "true";
        return Forms.PostAsync(client, "/Register", fields);
    }

    private async Task<string> MailedUrlAsync(int count = 1)
        => new Uri(Mails.RegisterUrl(await app.Smtp.WaitForAsync(Email, RegistrationMails.ProvisionalSubject, count))).PathAndQuery;

    private static async Task<HttpResponseMessage> CompleteAsync(HttpClient client, string url, Dictionary<string, string>? fields = null)
    {
        var token = Mails.RegisterToken(url);
        var values = new Dictionary<string, string>(fields ?? Details()) { ["Token"] = token };
        return await Forms.PostAsync(client, url, values);
    }

    [Fact]
    public async Task Can_open_an_account_and_log_in_as_an_online_registrant()
    {
        using var client = app.CreateHttpClient();
        Assert.Equal("/Register/Sent", (await RequestAsync(client, Email)).Headers.Location?.OriginalString);
        var url = await MailedUrlAsync();
        Assert.Contains(Email, await client.GetStringAsync(url));

        Assert.Equal("/Register/Done", (await CompleteAsync(client, url)).Headers.Location?.OriginalString);
        await app.Smtp.WaitForAsync(Email, RegistrationMails.CompletedSubject);

        var seeker = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == Email));
        Assert.Null(seeker.SeekerNumber);
        Assert.Equal("コウセイ", seeker.FamilyNameKana);
        Assert.Equal("タロウ", seeker.GivenNameKana);
        Assert.Equal(new DateOnly(1990, 4, 1), seeker.BirthDate);
        Assert.Equal("102-8306", seeker.PostalCode);
        Assert.Equal("0312345678", seeker.PhoneNumber);
        Assert.NotNull(seeker.RegisteredOnlineAt);

        using var login = app.CreateHttpClient();
        await Forms.LoginAsync(login, Email, Password);
        var home = await login.GetStringAsync("/Home");
        Assert.Contains("オンライン登録者", home);
    }

    [Fact]
    public async Task Cannot_tell_an_existing_address_and_it_gets_an_already_registered_mail()
    {
        await app.CreateSeekerAsync(Email, "Right-pass-1");
        using var client = app.CreateHttpClient();
        var existing = await RequestAsync(client, Email);
        using var other = app.CreateHttpClient();
        var fresh = await RequestAsync(other, "fresh@example.jp");

        Assert.Equal(fresh.StatusCode, existing.StatusCode);
        Assert.Equal(fresh.Headers.Location, existing.Headers.Location);
        var mail = await app.Smtp.WaitForAsync(Email, RegistrationMails.AlreadyRegisteredSubject);
        Assert.Contains("/Account/ForgotPassword", mail.TextBody);
        Assert.Empty(app.Smtp.For(Email, RegistrationMails.ProvisionalSubject));
    }

    [Fact]
    public async Task Cannot_use_a_registration_link_twice_and_is_told_the_account_is_open_with_the_way_to_log_in()
    {
        using var client = app.CreateHttpClient();
        await RequestAsync(client, Email);
        var url = await MailedUrlAsync();
        await CompleteAsync(client, url);

        // 開き直す（GET）のも、もう一度送る（POST）のも: 開設済みと伝え、ログインへ案内する。やり直しは勧めない
        var reopened = await client.GetStringAsync(url);
        var resent = await (await CompleteAsync(client, url)).Content.ReadAsStringAsync();
        foreach (var html in new[] { reopened, resent })
        {
            Assert.Contains(RegisterTexts.AlreadyOpen, html);
            Assert.Contains("href=\"/Account/Login\"", html);
            Assert.DoesNotContain(RegisterTexts.LinkInvalid, html);
            Assert.DoesNotContain("href=\"/Register\"", html);
            Assert.DoesNotContain("name=\"Input.Password\"", html);
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedUserName == Email)));
    }

    [Fact]
    public async Task Cannot_use_a_registration_link_after_24_hours()
    {
        using var client = app.CreateHttpClient();
        await RequestAsync(client, Email);
        var url = await MailedUrlAsync();
        var form = await client.GetStringAsync(url);
        app.Time.Advance(Registrations.LinkLifetime);

        var token = Mails.RegisterToken(url);
        var values = new Dictionary<string, string>(Details()) { ["Token"] = token, ["__RequestVerificationToken"] = Forms.Token(form) };
        var response = await client.PostAsync(url, new FormUrlEncodedContent(values));
        Assert.Contains(RegisterTexts.LinkInvalid, Html.ErrorSummary(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedUserName == Email)));
    }

    [Fact]
    public async Task Can_create_only_one_account_from_two_parallel_submissions()
    {
        using var client = app.CreateHttpClient();
        await RequestAsync(client, Email);
        var url = await MailedUrlAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            using var racer = app.CreateHttpClient();
            return await CompleteAsync(racer, url);
        }));
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedUserName == Email)));
    }

    [Theory]
    [InlineData("Input.Details.FamilyNameKana", "Kousei", "フリガナ（セイ）はカタカナで入力してください。")]
    [InlineData("Input.Details.PostalCode", "12-345", "郵便番号は7桁の数字で入力してください（例：102-8306）。")]
    [InlineData("Input.Details.Phone", "12345", "電話番号は0から始まる10桁または11桁の数字で入力してください（例：03-1234-5678）。")]
    [InlineData("Input.Details.BirthMonth", "13", "生年月日の月は1から12の数字で入力してください。")]
    [InlineData("Input.Details.BirthDay", "31", "生年月日の日が正しくありません。")]
    [InlineData("Input.Details.Prefecture", "ニューヨーク", "都道府県を一覧から選んでください。")]
    [InlineData("Input.Details.FamilyName", "", "氏名（姓）を入力してください。")]
    [InlineData("Input.Password", "password", "パスワードは半角数字、英字、記号のすべてを含めてください。")]
    public async Task Cannot_register_with_a_wrong_detail_and_is_told_next_to_the_field(string field, string value, string message)
    {
        using var client = app.CreateHttpClient();
        await RequestAsync(client, Email);
        var url = await MailedUrlAsync();
        var fields = Details();
        fields[field] = value;
        if (field == "Input.Details.BirthDay") fields["Input.Details.BirthMonth"] = "4";
        var html = await (await CompleteAsync(client, url, fields)).Content.ReadAsStringAsync();
        Assert.Contains(message, Html.ErrorSummary(html));
        Assert.Contains("aria-invalid=\"true\"", html);
        // 誤りがどの欄でも、パスワードは HTML に書き戻さない
        Assert.DoesNotContain(Password, html);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync(u => u.NormalizedUserName == Email)));
        // 誤りがあっても URL は使い切らない
        Assert.Equal(HttpStatusCode.Redirect, (await CompleteAsync(client, url)).StatusCode);
    }

    [Fact]
    public async Task Cannot_register_someone_under_15()
    {
        using var client = app.CreateHttpClient();
        await RequestAsync(client, Email);
        var url = await MailedUrlAsync();
        var fields = Details();
        fields["Input.Details.BirthYear"] = (MyPage.Time.JapanTime.From(app.Time.GetUtcNow()).Year - 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var html = await (await CompleteAsync(client, url, fields)).Content.ReadAsStringAsync();
        Assert.Contains("15歳以上", Html.ErrorSummary(html));
    }

    [Theory]
    [InlineData("", true, true, RegisterTexts.EmailRequired)]
    [InlineData("not-a-mail", true, true, RegisterTexts.EmailInvalid)]
    [InlineData("new@example.jp", false, true, RegisterTexts.TermsRequired)]
    [InlineData("new@example.jp", true, false, RegisterTexts.PrivacyRequired)]
    public async Task Cannot_request_without_an_address_or_consent(string email, bool terms, bool privacy, string message)
    {
        using var client = app.CreateHttpClient();
        var response = await RequestAsync(client, email, terms, privacy);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, Html.ErrorSummary(await response.Content.ReadAsStringAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.RegistrationRequests.CountAsync(r => r.ClientTag == app.IdTag(ClientAddress))));
    }

    [Fact]
    public async Task Cannot_request_an_address_over_100_characters()
    {
        using var client = app.CreateHttpClient();
        var response = await RequestAsync(client, new string('a', 90) + "@example.jp");
        Assert.Contains(RegisterTexts.EmailTooLong, Html.ErrorSummary(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Cannot_get_more_than_three_registration_mails_an_hour()
    {
        for (var i = 0; i < new MyPage.Abuse.RateLimitOptions().RegistrationMailsPerAddressPerHour + 1; i++)
        {
            using var client = app.CreateHttpClient();
            Assert.Equal("/Register/Sent", (await RequestAsync(client, Email)).Headers.Location?.OriginalString);
        }
        await app.Smtp.WaitForAsync(Email, RegistrationMails.ProvisionalSubject, new MyPage.Abuse.RateLimitOptions().RegistrationMailsPerAddressPerHour);
        // 送信待ちに積まれたのも3通だけ（4通目はあとからも届かない）
        Assert.Equal(new MyPage.Abuse.RateLimitOptions().RegistrationMailsPerAddressPerHour, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == Email)));
    }

    [Fact]
    public async Task Cannot_send_more_than_ten_registration_requests_an_hour_from_one_address()
    {
        for (var i = 0; i < new MyPage.Abuse.RateLimitOptions().RegistrationRequestsPerClientPerHour; i++)
        {
            using var other = app.CreateHttpClient();
            await RequestAsync(other, $"other{i}-{Email}");
        }
        using var client = app.CreateHttpClient();
        Assert.Equal("/Register/Sent", (await RequestAsync(client, Email)).Headers.Location?.OriginalString);
        await app.Smtp.WaitForAsync($"other9-{Email}", RegistrationMails.ProvisionalSubject);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == Email)));
        Assert.Empty(app.Smtp.For(Email, RegistrationMails.ProvisionalSubject));
    }

    [Fact]
    public async Task Can_hear_the_birth_date_error_from_each_of_its_three_fields()
    {
        using var client = app.CreateHttpClient();
        await RequestAsync(client, Email);
        var url = await MailedUrlAsync();
        var fields = Details();
        fields["Input.Details.BirthMonth"] = "13";
        var html = await (await CompleteAsync(client, url, fields)).Content.ReadAsStringAsync();
        foreach (var id in new[] { "birth-year", "birth-month", "birth-day" })
            Assert.Matches($"id=\"{id}\"[^>]*aria-describedby=\"birth-error birth-hint\"", html);
    }

    // 生年月日の年・月・日のいくつかが誤っていれば、誤った欄のそれぞれに aria-invalid が付き、どこが誤りかをそれぞれ言う
    // （最初の一つだけではない）。正しい欄には付けない
    [Theory]
    [InlineData("90", "13", "32", "birth-year birth-month birth-day")]
    [InlineData("1990", "13", "32", "birth-month birth-day")]
    [InlineData("19x0", "4", "", "birth-year birth-day")]
    [InlineData("1990", "", "1", "birth-month")]
    public async Task Can_hear_every_wrong_part_of_the_birth_date(string year, string month, string day, string wrongIds)
    {
        using var client = app.CreateHttpClient();
        await RequestAsync(client, Email);
        var url = await MailedUrlAsync();
        var fields = Details();
        (fields["Input.Details.BirthYear"], fields["Input.Details.BirthMonth"], fields["Input.Details.BirthDay"]) = (year, month, day);
        var html = await (await CompleteAsync(client, url, fields)).Content.ReadAsStringAsync();
        var summary = Html.ErrorSummary(html);
        var wrong = wrongIds.Split(' ');
        var messages = new Dictionary<string, string>
        {
            ["birth-year"] = "生年月日の年は西暦4桁の数字で入力してください（例：1990）。",
            ["birth-month"] = "生年月日の月は1から12の数字で入力してください。",
            ["birth-day"] = "生年月日の日は1から31の数字で入力してください。",
        };
        foreach (var (id, message) in messages)
        {
            var field = Regex.Match(html, $"<input id=\"{id}\"[^>]*>").Value;
            Assert.Equal(wrong.Contains(id), field.Contains("aria-invalid=\"true\"", StringComparison.Ordinal));
            // まとめにも、三つの欄の下の知らせにも
            Assert.Equal(wrong.Contains(id), summary.Contains($"href=\"#{id}\">{message}<", StringComparison.Ordinal));
            Assert.Equal(wrong.Contains(id), Regex.Match(html, "<div id=\"birth-error\"[\\s\\S]*?</div>").Value.Contains(message, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Counts_requests_from_one_ipv6_64_as_one_client()
    {
        // 同じ /64 の中でアドレスを替えても、同じ接続元の10回に数える
        for (var i = 0; i < new MyPage.Abuse.RateLimitOptions().RegistrationRequestsPerClientPerHour; i++)
        {
            using var other = app.CreateHttpClient();
            other.DefaultRequestHeaders.Add("X-Forwarded-For", $"2001:db8:77:1::{i + 1:x}");
            await RequestAsync(other, $"v6-{i}-{Email}");
        }
        using var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "2001:db8:77:1:ffff:ffff:ffff:fffe");
        Assert.Equal("/Register/Sent", (await RequestAsync(client, Email)).Headers.Location?.OriginalString);
        await app.Smtp.WaitForAsync($"v6-9-{Email}", RegistrationMails.ProvisionalSubject);
        Assert.Equal(0, await app.WithDbAsync(db => db.OutboxMessages.CountAsync(m => m.To == Email)));
        // 別の /64 は別の接続元
        using var elsewhere = app.CreateHttpClient();
        elsewhere.DefaultRequestHeaders.Add("X-Forwarded-For", "2001:db8:77:2::1");
        await RequestAsync(elsewhere, "v6-other-" + Email);
        await app.Smtp.WaitForAsync("v6-other-" + Email, RegistrationMails.ProvisionalSubject);
    }
}
