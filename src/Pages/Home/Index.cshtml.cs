using Htmx;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MyPage.Data;
using MyPage.Jobs;
using MyPage.Pages.Mynaportal;
using MyPage.Pages.Shared;
using MyPage.Passkeys;
using MyPage.Time;

namespace MyPage.Pages.Home;

// S5「求職者マイページホーム」（マニュアルの画面のとおり）
internal class IndexModel(CurrentSeeker current, HomeJobs home, IOptions<HomeLinks> links, PasskeyOffer passkeyOffer, TimeProvider time) : PageModel
{
    public Seeker Seeker { get; private set; } = null!;
    public HomeSummary Summary { get; private set; } = null!;
    public string? SeekerNumberQr { get; private set; }
    public DateOnly Today { get; private set; }
    public HomeLinks Links => links.Value;

    // マイナポータルとの連携を本人が選んだあと（「属性連携不整合確認」からのログイン）の知らせ
    public string? StatusMessage { get; private set; }

    // ID・パスワードとワンタイムパスワードでログインした直後に一度だけ、パスキーの登録をすすめる
    public bool OffersPasskey { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        StatusMessage = PageStatus.Read<MynaportalStatus>(Request) switch
        {
            MynaportalStatus.Linked => MynaportalTexts.Linked,
            MynaportalStatus.Declined => MynaportalTexts.Declined,
            _ => null,
        };
        if (await current.FindAsync() is not { } seeker) return Challenge();
        Seeker = seeker;
        Today = JapanTime.Today(time);
        Summary = await home.SummaryAsync(seeker, ct);
        if (seeker.SeekerNumber is { } number) SeekerNumberQr = QrSvg.Render(number, HomeTexts.SeekerNumberQr(number));
        OffersPasskey = await passkeyOffer.OfferAsync(HttpContext, seeker.Id, ct);
        return Page();
    }

    // おすすめの「今はしない」: おすすめを消し、あとからどこで登録できるかを伝える（出したときに、30日出さない印はもう付けた）
    public IActionResult OnPostNotNow()
    {
        if (!Request.IsHtmx()) return RedirectToPage("/Home/Index");
        return Partial("_PasskeyOfferLater");
    }
}
