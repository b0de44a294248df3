using Migration.RelocationCase;
using Migration.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(RelocationCaseService.Name);
builder.AddRelocationCase();

var app = builder.Build();
app.UseServiceDefaults();
app.MapRelocationCaseApi();
app.Run();
