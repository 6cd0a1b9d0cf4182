namespace Retail.Silo.Storage;

/// <summary>Database schema settings, bound from <c>Database</c>.</summary>
public sealed class SchemaOptions
{
    public const string Section = "Database";

    /// <summary>Whether the silo applies the schema scripts at start. Turn off when a DBA applies them by hand.</summary>
    public bool ApplySchema { get; set; } = true;

    /// <summary>How long start-up keeps retrying to reach PostgreSQL.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromMinutes(2);
}
