using Migration.Gateway;
using Migration.Gateway.ApiReference;
using Migration.Gateway.Edge;
using Migration.Gateway.Proxy;
using Migration.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(GatewayService.Name);
builder.AddServiceProxy();
builder.AddEdgeProtection();     // security headers, CORS for the web application, rate limits per client, route timeouts

var app = builder.Build();
app.UseServiceDefaults(edge: edge => edge.UseEdgeProtection());
app.MapApiReference();           // /api-docs over the services' documents at /openapi/{service}.json
app.MapServiceProxy();
app.Run();
