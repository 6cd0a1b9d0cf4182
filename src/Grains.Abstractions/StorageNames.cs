namespace Retail.Grains.Abstractions;

/// <summary>Grain storage provider names.</summary>
public static class StorageNames
{
    /// <summary>Where retail grain state is kept.</summary>
    public const string Retail = "retail";
}
