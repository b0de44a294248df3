using Migration.Registry;
using Migration.ServiceDefaults;
using Migration.ServiceDefaults.EventStore;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(RegistryService.Name);
builder.AddRegistry();

var app = builder.Build();
app.UseServiceDefaults();
app.MapRegistryApi();
return await app.RunServiceAsync(args);
