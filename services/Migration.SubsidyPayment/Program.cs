using Migration.ServiceDefaults;
using Migration.ServiceDefaults.EventStore;
using Migration.SubsidyPayment;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(SubsidyPaymentService.Name);
builder.AddSubsidyPayment();

var app = builder.Build();
app.UseServiceDefaults();
app.MapSubsidyPaymentApi();
return await app.RunServiceAsync(args);
