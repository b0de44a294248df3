using Migration.Registry;
using Migration.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(RegistryService.Name);
builder.AddRegistry();

var app = builder.Build();
app.UseServiceDefaults();
app.MapRegistryApi();
app.Run();
