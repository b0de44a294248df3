namespace Migration.Testing;

/// <summary>Where the repository and the services' build outputs are, found from the test assembly's location.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release: the configuration the tests themselves were built in.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

    /// <summary>The built entry assembly of a project, e.g. <c>services/Migration.Registry</c>.</summary>
    public static string EntryAssembly(string projectFolder)
    {
        var name = Path.GetFileName(projectFolder);
        var path = Path.Combine(Root, projectFolder, "bin", Configuration, "net10.0", name + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is not built. Build the solution (dotnet build Migration.sln) before running the tests.", path);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Migration.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"No Migration.sln above {AppContext.BaseDirectory}.");
    }
}
