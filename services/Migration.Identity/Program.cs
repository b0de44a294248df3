using Migration.Identity;
using Migration.Identity.Storage;
using Migration.ServiceDefaults;
using Migration.ServiceDefaults.EventStore;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(IdentityService.Name);
var connectionString = builder.Configuration.GetConnectionString(EventStoreExtensions.ConnectionName)
    ?? throw new InvalidOperationException($"ConnectionStrings:{EventStoreExtensions.ConnectionName} is not configured.");
var keys = await DatabaseStartup.Prepare(connectionString, TimeProvider.System, CancellationToken.None);
builder.AddIdentityServer(connectionString, keys);

var app = builder.Build();
app.UseServiceDefaults();
app.MapIdentity();
app.Run();
