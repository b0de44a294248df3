namespace Migration.Gateway;

/// <summary>Marker for the gateway (tests start it by this type).</summary>
public sealed class GatewayService
{
    public const string Name = "gateway";
}
