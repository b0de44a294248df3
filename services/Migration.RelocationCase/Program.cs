using Migration.RelocationCase;
using Migration.ServiceDefaults;
using Migration.ServiceDefaults.EventStore;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(RelocationCaseService.Name);
builder.AddRelocationCase();

var app = builder.Build();
app.UseServiceDefaults();
app.MapRelocationCaseApi();
return await app.RunServiceAsync(args);
