namespace Migration.ServiceDefaults.EventStore;

/// <summary>How a service treats its database schema (section <c>EventStore</c>).</summary>
public sealed class SchemaSettings
{
    public const string Section = "EventStore";

    /// <summary>
    /// True (development, tests, the demo): the service creates and updates its schema objects when it starts. False
    /// (production): the schema is changed only by the deploy step (<c>schema apply</c>); the service checks at start that
    /// the database matches this version and refuses to start when it does not.
    /// </summary>
    public bool ApplySchemaAtStartup { get; set; } = true;

    public static SchemaSettings From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<SchemaSettings>() ?? new SchemaSettings();
}
