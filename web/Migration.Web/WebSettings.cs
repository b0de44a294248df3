namespace Migration.Web;

/// <summary>
/// The web application's configuration (section <c>Web</c>): where the gateway is (for the API, server to server) and
/// the public address the identity service names as its issuer (the gateway's, as the browser sees it).
/// </summary>
public sealed class WebSettings
{
    public const string Section = "Web";
    public const string ServiceName = "web";

    /// <summary>The application lives under this path, behind the gateway and when run alone.</summary>
    public const string PathBase = "/app";

    /// <summary>The public client the identity service seeds for this application.</summary>
    public string ClientId { get; set; } = "migration-web";

    /// <summary>The gateway's address for API calls from this server.</summary>
    public Uri GatewayAddress { get; set; } = new("http://localhost:8080/");

    /// <summary>The OpenID Connect authority: the issuer, i.e. the gateway's public address (default: <see cref="GatewayAddress"/>).</summary>
    public Uri? Authority { get; set; }

    /// <summary>Refuse an authority over plain HTTP; by default everywhere but in Development.</summary>
    public bool? RequireHttpsMetadata { get; set; }

    public static WebSettings From(IConfiguration configuration)
    {
        var settings = configuration.GetSection(Section).Get<WebSettings>() ?? new WebSettings();
        settings.Authority ??= settings.GatewayAddress;
        return settings;
    }
}
