using Migration.Testing.Auth;
using Migration.Testing.Servers;

namespace Migration.Testing.Hosting;

/// <summary>The configuration a service process gets in tests: the class's own database and virtual host, quick retries.</summary>
public static class ServiceSettings
{
    public static ServiceProcess Service(Isolation isolation, string name, string folder, IReadOnlyDictionary<string, string>? extra = null, int? port = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:events"] = isolation.Database(name),
            ["ConnectionStrings:rabbitmq"] = isolation.Broker.ToString(),
            ["Messaging:RetryIntervals:0"] = "00:00:00.050",
            ["Messaging:RetryIntervals:1"] = "00:00:00.100",
            ["Auth:Issuer"] = TokenForger.Issuer,
            ["Auth:SigningKeys:0"] = TokenForger.PublicKeyPem,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) settings[key] = value;
        return new ServiceProcess(name, folder, settings, port);
    }
}
