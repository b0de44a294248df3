using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Migration.Web.Login;
using MudBlazor.Services;

namespace Migration.Web.Localization;

/// <summary>
/// The interface in English (default), Russian and Kazakh: the staff member's choice lives in the culture cookie, and
/// texts, dates and amounts follow it (the page reloads on a change, so the circuit starts in the new culture).
/// </summary>
public static class InterfaceCulture
{
    public static readonly IReadOnlyList<(string Name, string Label)> Supported = [("en-GB", "English"), ("ru-RU", "Русский"), ("kk-KZ", "Қазақша")];

    public static WebApplicationBuilder AddInterface(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.AddAntiforgery(options => options.Cookie.Name = "migration-web-antiforgery");
        return builder;
    }

    public static WebApplication UseInterfaceCulture(this WebApplication app)
    {
        var cultures = Supported.Select(c => new CultureInfo(c.Name)).ToList();
        app.UseRequestLocalization(new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture(Supported[0].Name),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
            // Only the member's own choice: English until they switch, whatever the browser says.
            RequestCultureProviders = [new CookieRequestCultureProvider()],
        });
        return app;
    }

    /// <summary><c>GET /culture/{name}?returnUrl=</c>: remembers the choice for a year and goes back to the page.</summary>
    public static WebApplication MapInterfaceCulture(this WebApplication app)
    {
        app.MapGet("/culture/{name}", (HttpContext context, string name, string? returnUrl) =>
        {
            if (Supported.Any(c => c.Name == name))
            {
                context.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(name)),
                    new CookieOptions { Path = WebSettings.PathBase, MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            }

            return Results.LocalRedirect(WebLogin.LocalOnly(returnUrl));
        }).AllowAnonymous();
        return app;
    }
}
