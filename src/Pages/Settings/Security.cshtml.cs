using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using MyPage.Account;
using MyPage.Audit;
using MyPage.Data;
using MyPage.Pages.Account;
using MyPage.Pages.Shared;
using MyPage.Passkeys;
using MyPage.Revocation;
using MyPage.Sessions;
using MyPage.Time;

namespace MyPage.Pages.Settings;

// 「ログインの安全」に ?status= で伝える結果
internal enum SecurityStatus { Untrusted, SignedOutOthers, PasskeyAdded, PasskeyDeleted }

// 「ログインの安全」: ログイン履歴、ワンタイムパスワードを省略するブラウザ（「解除」）、パスキー（登録と「削除」）、「他の端末からログアウトする」
internal class SecurityModel(
    CurrentSeeker current,
    LoginRecords records,
    Browsers browsers,
    OtherDevices otherDevices,
    SignedInDevices devices,
    PasswordConfirmation passwords,
    SeekerPasskeys passkeys,
    ILogger<SecurityModel> log) : PageModel
{
    public IReadOnlyList<PasskeyEntry> Passkeys { get; private set; } = [];
    public int PasskeyLimit => passkeys.Limit;

    // パスワードを確かめたあと、ブラウザに渡すパスキーの作成の選択肢（JSON）。ほかのときは null
    public string? CreationOptions { get; private set; }

    // パスキーの作成の答え（wwwroot/js/passkeys.js だけが送る）
    [BindProperty]
    public string? Credential { get; set; }

    public static readonly string[] PasskeyFields = ["passkey-password"];

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
            SecurityStatus.PasskeyAdded => PasskeyTexts.Added,
            SecurityStatus.PasskeyDeleted => PasskeyTexts.Deleted,
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

    // 「パスキーを登録する」の一歩め: いまのパスワード（ロックの回数に数える）を確かめ、上限に達していなければ作成の選択肢を返す
    public async Task<IActionResult> OnPostPasskeyOptionsAsync(CancellationToken ct)
    {
        if (await current.FindAsync() is not { } seeker) return Challenge();
        var confirmed = await passwords.ConfirmAsync(this, "passkey-password", Input.Password, seeker, PasswordPurpose.PasskeyRegistration, ct);
        Input.Password = null;
        if (!confirmed.Confirmed) Lockout = confirmed.Lockout;
        else if (await passkeys.CreationOptionsAsync(seeker, ct) is { } options) CreationOptions = options;
        else ModelState.AddModelError(string.Empty, PasskeyTexts.TooMany(passkeys.Limit));
        return await RedrawPasskeyFormAsync(seeker, ct);
    }

    // 二歩め: ブラウザが作ったパスキーを確かめて保存する（お知らせのメールも）。問題は一歩めが出した、5分以内のものだけ
    public async Task<IActionResult> OnPostPasskeyAddAsync(CancellationToken ct)
    {
        if (await current.FindAsync() is not { } seeker) return Challenge();
        switch (await passkeys.AddAsync(HttpContext, seeker, Credential, ct))
        {
            case PasskeyChange.Done:
                return this.RedirectToPageAfterPost("/Settings/Security", PageStatus.Route(SecurityStatus.PasskeyAdded));
            case PasskeyChange.TooMany:
                ModelState.AddModelError(string.Empty, PasskeyTexts.TooMany(passkeys.Limit));
                break;
            default:
                ModelState.AddModelError(string.Empty, PasskeyTexts.RegisterFailed);
                break;
        }
        return await RedrawPasskeyFormAsync(seeker, ct);
    }

    // 「削除」: 本人のパスキーだけ（ほかの人のものの値を送っても、何も消えない）
    public async Task<IActionResult> OnPostDeletePasskeyAsync(string? passkey, CancellationToken ct)
    {
        if (await current.FindAsync() is not { } seeker) return Challenge();
        var deleted = await passkeys.DeleteAsync(HttpContext, seeker, passkey, ct);
        return this.RedirectToPageAfterPost("/Settings/Security", deleted is null ? null : PageStatus.Route(SecurityStatus.PasskeyDeleted));
    }

    private async Task<IActionResult> RedrawPasskeyFormAsync(Seeker seeker, CancellationToken ct)
    {
        Credential = null;
        await LoadAsync(seeker, ct);
        return this.Redraw("_PasskeyForm");
    }

    private async Task LoadAsync(Seeker seeker, CancellationToken ct)
    {
        Passkeys = await passkeys.ListAsync(seeker.Id, ct);
        History = await records.LatestAsync(seeker.Id, ct);
        Trusted = await browsers.TrustedAsync(seeker.Id, ct);
        Devices = await devices.ListAsync(HttpContext, seeker.Id, ct);
        ThisBrowserTag = browsers.ExistingTagOf(HttpContext);
    }
}
