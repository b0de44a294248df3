using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Migration.AppHost;

// The one description of the running system: PostgreSQL and RabbitMQ (containers where a Docker engine answers,
// otherwise local processes through deploy/local/run-*.sh), the identity service, the four services, the gateway on a fixed port,
// and the demo loader that runs once the gateway is ready.
var builder = DistributedApplication.CreateBuilder(args);
var settings = AppHostSettings.From(builder);

var servers = settings.UseContainers ? Servers.AsContainers(builder, settings) : Servers.AsLocalProcesses(builder, settings);
Console.WriteLine(settings.UseContainers
    ? "PostgreSQL and RabbitMQ run as containers (a Docker engine answered)."
    : $"PostgreSQL and RabbitMQ run as local processes (no Docker engine): 127.0.0.1:{settings.PostgresPort}, amqp://127.0.0.1:{settings.RabbitPort}/, management http://127.0.0.1:{settings.RabbitManagementPort}/");

// The identity service issues every token; its issuer is the gateway's address, and the services read its keys from its
// metadata on 127.0.0.1:8085 (the Development defaults of Auth:Issuer and Auth:MetadataAddress).
var identity = Service<Projects.Migration_Identity>("identity", "identity", settings.IdentityPort);
var registry = Service<Projects.Migration_Registry>("registry", "registry", settings.RegistryPort);
var relocationCase = Service<Projects.Migration_RelocationCase>("relocation-case", "relocation_case", settings.RelocationCasePort);
var housingAllocation = Service<Projects.Migration_HousingAllocation>("housing-allocation", "housing_allocation", settings.HousingAllocationPort);
var subsidyPayment = Service<Projects.Migration_SubsidyPayment>("subsidy-payment", "subsidy_payment", settings.SubsidyPaymentPort);

var gateway = builder.AddProject<Projects.Migration_Gateway>("gateway")
    .WithFixedHttpEndpoint(settings.GatewayPort, "localhost")
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development");
foreach (var (cluster, service) in new[] { ("identity", identity), ("registry", registry), ("relocation-case", relocationCase), ("housing-allocation", housingAllocation), ("subsidy-payment", subsidyPayment) })
{
    gateway
        .WithEnvironment($"ReverseProxy__Clusters__{cluster}__Destinations__primary__Address", service.GetEndpoint("http"))
        .WaitFor(service);
}
gateway.WithHttpHealthCheck("/health/ready");

// The web application for staff, served by the gateway at /app (same origin): it logs staff in through the identity
// service behind the gateway and calls the API through it. The gateway does not wait for it; it starts beside.
var web = builder.AddProject<Projects.Migration_Web>("web")
    .WithFixedHttpEndpoint(settings.WebPort, "localhost")
    .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
    .WithEnvironment("Web__GatewayAddress", "http://localhost:" + settings.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/")
    .WithHttpHealthCheck("/health/ready");
gateway.WithEnvironment("ReverseProxy__Clusters__web__Destinations__primary__Address", web.GetEndpoint("http"));

// Runs once: waits for the gateway, plays a small stage 1 of the program through it (deploy/Migration.Program; a new
// seed each run, factor PROGRAM_FACTOR, default 0.02: about 130 people), prints the program report, exits 0.
var demo = builder.AddProject<Projects.Migration_Program>("demo")
    .WithArgs(context => context.Args.Add(gateway.GetEndpoint("http")))
    .WithEnvironment("GATEWAY_URL", gateway.GetEndpoint("http"))
    .WithEnvironment("PROGRAM_FACTOR", Environment.GetEnvironmentVariable("PROGRAM_FACTOR") ?? "0.02")
    .WaitFor(gateway);

// Console lines for the run command (ready, demo result) and an ordered shutdown: applications, then servers.
builder.Services.AddSingleton(new RunOptions(
    LocalServers: !settings.UseContainers,
    GatewayName: gateway.Resource.Name,
    GatewayUrl: $"http://localhost:{settings.GatewayPort}",
    DemoName: demo.Resource.Name,
    Applications: [demo.Resource.Name, gateway.Resource.Name, identity.Resource.Name, registry.Resource.Name, relocationCase.Resource.Name, housingAllocation.Resource.Name, subsidyPayment.Resource.Name],
    Servers: [servers.Postgres.Resource.Name, servers.RabbitMq.Resource.Name]));
builder.Services.AddHostedService<RunConsole>();
builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(90));

builder.Build().Run();

IResourceBuilder<ProjectResource> Service<TProject>(string name, string database, int port)
    where TProject : IProjectMetadata, new() =>
    builder.AddProject<TProject>(name)
        .WithFixedHttpEndpoint(port, "127.0.0.1")
        .WithEnvironment("ASPNETCORE_ENVIRONMENT", "Development")
        .WithReference(servers.Database(database), "events")
        .WithReference(servers.Broker, "rabbitmq")
        .WaitFor(servers.Postgres)
        .WaitFor(servers.RabbitMq)
        .WithHttpHealthCheck("/health/ready");
