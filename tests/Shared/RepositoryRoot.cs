namespace Retail.Tests.Shared;

internal static class RepositoryRoot
{
    /// <summary>The folder holding Retail.sln above the test's output folder, or <c>null</c> outside the repository.</summary>
    public static string? Find()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Retail.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName;
    }

    /// <summary>As <see cref="Find"/>, for tests that cannot run outside the repository.</summary>
    public static string Required() => Find() ?? throw new InvalidOperationException("Retail.sln not found above the test folder.");
}
