using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Account;
using MyPage.Audit;
using MyPage.Data;
using MyPage.Pages.Account;
using MyPage.Pages.Shared;
using MyPage.Revocation;
using MyPage.Sessions;
using MyPage.Time;

namespace MyPage.Pages.Settings;

// 「ログインの安全」に ?status= で伝える結果
internal enum SecurityStatus { Untrusted, SignedOutOthers }

// 「ログインの安全」: ログイン履歴、ワンタイムパスワードを省略するブラウザ（「解除」）、「他の端末からログアウトする」
internal class SecurityModel(
    CurrentSeeker current,
    LoginRecords records,
    Browsers browsers,
    OtherDevices otherDevices,
    SignedInDevices devices,
    PasswordConfirmation passwords,
    ILogger<SecurityModel> log) : PageModel
{
    public IReadOnlyList<LoginRecord> History { get; private set; } = [];
    public IReadOnlyList<SeekerBrowser> Trusted { get; private set; } = [];
    public IReadOnlyList<SignedInDevice> Devices { get; private set; } = [];
    public string? ThisBrowserTag { get; private set; }
    public string? StatusMessage { get; private set; }
    public Lockout? Lockout { get; private set; }

    // 「他の端末からログアウトする」の前に、いまのパスワードをもう一度
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public class InputModel
    {
        public string? Password { get; set; }
    }

    public static readonly string[] Fields = ["signout-password"];

    public async Task<IActionResult> OnGetAsync(int? sessions, long? browser, CancellationToken ct)
    {
        if (await current.FindAsync() is not { } seeker) return Challenge();
        var status = PageStatus.Read<SecurityStatus>(Request);
        var untrusted = status == SecurityStatus.Untrusted && browser is { } id ? await browsers.OwnAsync(seeker.Id, id, ct) : null;
        StatusMessage = status switch
        {
            SecurityStatus.Untrusted when untrusted is not null
                => SecurityTexts.Untrusted(untrusted.Description, JapanTime.Format(untrusted.LastSeenAt)),
            SecurityStatus.SignedOutOthers => SecurityTexts.SignedOutOthers(Math.Max(0, sessions ?? 0)),
            _ => null,
        };
        await LoadAsync(seeker, ct);
        return Page();
    }

    // 「解除」: 一つのブラウザ。ほかの人のブラウザの番号を送っても、自分の行しか変わらない
    public async Task<IActionResult> OnPostUntrustAsync(long browser, CancellationToken ct)
    {
        if (await current.FindAsync() is not { } seeker) return Challenge();
        var count = await browsers.UntrustAsync(seeker.Id, browser, ct);
        if (count > 0) log.BrowserUntrusted(seeker.Id, count, "解除");
        return this.RedirectToPageAfterPost("/Settings/Security", PageStatus.Route(SecurityStatus.Untrusted, new { browser }));
    }

    public async Task<IActionResult> OnPostSignOutOthersAsync(CancellationToken ct)
    {
        if (await current.FindAsync() is not { } seeker) return Challenge();
        var confirmed = await passwords.ConfirmAsync(this, "signout-password", Input.Password, seeker, PasswordPurpose.SignOutOtherDevices, ct);
        Input.Password = null;
        if (!confirmed.Confirmed)
        {
            Lockout = confirmed.Lockout;
            await LoadAsync(seeker, ct);
            return this.Redraw("_SignOutOthersForm");
        }
        if (await otherDevices.SignOutAsync(HttpContext, seeker, ct) is not { } ended) return Challenge();
        return this.RedirectToPageAfterPost("/Settings/Security", PageStatus.Route(SecurityStatus.SignedOutOthers, new { sessions = ended[Grant.Sessions] }));
    }

    private async Task LoadAsync(Seeker seeker, CancellationToken ct)
    {
        History = await records.LatestAsync(seeker.Id, ct);
        Trusted = await browsers.TrustedAsync(seeker.Id, ct);
        Devices = await devices.ListAsync(HttpContext, seeker.Id, ct);
        ThisBrowserTag = browsers.ExistingTagOf(HttpContext);
    }
}
