using Migration.Gateway;
using Migration.Gateway.DevelopmentTokens;
using Migration.Gateway.Proxy;
using Migration.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(GatewayService.Name);
builder.AddServiceProxy();
builder.AddDevelopmentTokens();

var app = builder.Build();
app.UseServiceDefaults();
app.MapDevelopmentTokens();
app.MapServiceProxy();
app.Run();
