using Migration.ServiceDefaults.Health;
using Migration.ServiceDefaults.Telemetry;
using Migration.Web;
using Migration.Web.Components;
using Migration.Web.Gateway;
using Migration.Web.Localization;
using Migration.Web.Login;

var builder = WebApplication.CreateBuilder(args);
var settings = WebSettings.From(builder.Configuration);
builder.AddTelemetry(WebSettings.ServiceName);
builder.AddHealth();
builder.AddWebLogin(settings);      // cookie session + OpenID Connect (code + PKCE) through the gateway; tokens kept server-side
builder.AddGatewayApi(settings);    // the services' API, only through the gateway, with the staff member's token
builder.AddInterface();             // Blazor (interactive server), MudBlazor, en/ru/kk

var app = builder.Build();
app.UsePathBase(WebSettings.PathBase);
app.UseRouting();                   // after the path base: routes match below /app
app.UseInterfaceCulture();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.MapHealth();
app.MapWebLogin();                  // /login, /logout
app.MapInterfaceCulture();          // /culture/{name}
app.MapDownloads();                 // bank files, fetched through the gateway with the member's token
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
app.Run();
