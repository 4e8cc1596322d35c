using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MyPage.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string Heading { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Describe(code);
    public void OnPost(int? code) => Describe(code);

    private void Describe(int? code)
    {
        Status = code ?? 500;
        (Heading, Message) = Status switch
        {
            404 => (Site.NotFoundTitle, Site.NotFound),
            400 => (Site.ExpiredTitle, Site.Expired),
            405 => (Site.NotAllowedTitle, Site.NotAllowed),
            _ => (Site.ErrorTitle, Site.Error),
        };
        if (code is null) Response.StatusCode = 500;
    }
}
