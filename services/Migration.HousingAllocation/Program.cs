using Migration.HousingAllocation;
using Migration.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(HousingService.Name);
builder.AddHousingAllocation();

var app = builder.Build();
app.UseServiceDefaults();
app.MapHousingApi();
app.Run();
