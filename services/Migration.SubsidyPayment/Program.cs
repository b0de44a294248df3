using Migration.ServiceDefaults;
using Migration.SubsidyPayment;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(SubsidyPaymentService.Name);
builder.AddSubsidyPayment();

var app = builder.Build();
app.UseServiceDefaults();
app.MapSubsidyPaymentApi();
app.Run();
