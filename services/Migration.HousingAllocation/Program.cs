using Migration.HousingAllocation;
using Migration.ServiceDefaults;
using Migration.ServiceDefaults.EventStore;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(HousingService.Name);
builder.AddHousingAllocation();

var app = builder.Build();
app.UseServiceDefaults();
app.MapHousingApi();
return await app.RunServiceAsync(args);
