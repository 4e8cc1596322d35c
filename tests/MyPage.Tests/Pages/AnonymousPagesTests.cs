using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MyPage.Tests.Infrastructure;

namespace MyPage.Tests.Pages;

// ログインなしで開ける画面は、ここに書いたものだけ。新しい画面は、誰かが決めない限りログインが要る。
public class AnonymousPagesTests(SiteFixture site) : IClassFixture<SiteFixture>
{
    private static readonly string[] Anonymous =
    [
        "/Index", "/Privacy", "/Terms", "/Error",
        "/Account/Login", "/Account/Logout", "/Account/ForgotPassword", "/Account/ResetPassword",
        "/Account/ResetPasswordDone", "/Account/ForgotId", "/Account/Withdrawn", "/Account/OneTimePassword",
        "/Register/Index", "/Register/Sent", "/Register/Complete", "/Register/Done",
        "/Mynaportal/Start", "/Mynaportal/Callback", "/Mynaportal/Unlinked", "/Mynaportal/Failed",
        // 開発用メールボックス (/Development/Mailbox) もログインなしで開けるが、Development のときだけある (MailboxTests)
    ];

    [Fact]
    public async Task Can_open_only_the_listed_pages_without_logging_in()
    {
        var app = site.App;
        var loader = app.Services.GetRequiredService<PageLoader>();
        var pages = app.Services.GetRequiredService<IActionDescriptorCollectionProvider>().ActionDescriptors.Items
            .OfType<PageActionDescriptor>().ToList();
        Assert.True(pages.Count > 20, $"画面が {pages.Count} しか見つかりません");

        var open = new List<string>();
        foreach (var page in pages)
        {
            var compiled = await loader.LoadAsync(page, EndpointMetadataCollection.Empty);
            if (compiled.EndpointMetadata.OfType<IAllowAnonymous>().Any()) open.Add(page.ViewEnginePath);
        }
        Assert.Equal(Anonymous.Order(), open.Distinct().Order());
    }

    [Theory]
    [InlineData("/Home")]
    [InlineData("/Settings")]
    [InlineData("/Session/Warning")]
    [InlineData("/Jobs/Detail/1")]
    public async Task Cannot_open_a_signed_in_page_without_logging_in(string path)
    {
        using var client = site.App.CreateHttpClient();
        var response = await client.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/Account/Login?returnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/wp-login.php")]
    public async Task Can_get_the_not_found_page_for_an_unknown_address_without_logging_in(string path)
    {
        using var client = site.App.CreateHttpClient();
        var response = await client.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(MyPage.Pages.Shared.Site.NotFoundTitle, await response.Content.ReadAsStringAsync());
    }
}
