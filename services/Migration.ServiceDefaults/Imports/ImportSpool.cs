using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Migration.ServiceDefaults.Importing;

/// <summary>The spool directory uploads wait in, the import endpoints' OpenAPI body, and the imports' registration.</summary>
public static class ImportSpool
{
    private static readonly TimeSpan OrphanAge = TimeSpan.FromDays(1);

    /// <summary>
    /// The import options bound from configuration (<see cref="ImportOptions.Section"/>), spooling by default to
    /// <paramref name="defaultSpoolDirectory"/> under the temporary directory, and the queue of pending jobs.
    /// </summary>
    public static IServiceCollection AddImportSpool(this IServiceCollection services, string defaultSpoolDirectory)
    {
        services.AddOptions<ImportOptions>()
            .Configure(o => o.SpoolDirectory = Path.Combine(Path.GetTempPath(), defaultSpoolDirectory))
            .BindConfiguration(ImportOptions.Section);
        services.AddSingleton<PendingImports>();
        return services;
    }

    /// <summary>
    /// The spool, the shared runner of <typeparamref name="TJob"/> jobs, the service's <typeparamref name="TProcessor"/>
    /// for their kinds of file, and the worker that runs them one at a time (resuming those a stop interrupted).
    /// </summary>
    public static IServiceCollection AddImportWorker<TJob, TProcessor>(this IServiceCollection services, string defaultSpoolDirectory)
        where TJob : class, IImportJob<TJob>
        where TProcessor : class, IImportProcessor<TJob>
    {
        services.AddImportSpool(defaultSpoolDirectory);
        services.AddSingleton<ImportJobs<TJob>>();
        services.AddSingleton<TProcessor>();
        services.AddSingleton<IImportProcessor<TJob>>(provider => provider.GetRequiredService<TProcessor>());
        services.AddHostedService<ImportWorker<TJob>>();
        return services;
    }

    /// <summary>Opens a job's spool file for the worker to read through once.</summary>
    public static FileStream Open(string file) =>
        new(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);

    /// <summary>
    /// Spool files of no unfinished job, left by a crash during an upload. Only those a day old: instances with other
    /// databases on this host may share the directory, and their jobs' files are not in <paramref name="unfinished"/>.
    /// </summary>
    public static void DeleteOrphans(string directory, HashSet<Guid> unfinished, DateTime now)
    {
        var before = now - OrphanAge;
        var spool = new DirectoryInfo(directory);
        if (!spool.Exists) return;
        foreach (var file in spool.EnumerateFiles("*.csv"))
        {
            if (Guid.TryParseExact(Path.GetFileNameWithoutExtension(file.Name), "N", out var id) && !unfinished.Contains(id) && file.LastWriteTimeUtc < before)
                file.Delete();
        }
    }

    /// <summary>
    /// Describes the uploaded file in the OpenAPI document. (Declaring it with <c>Accepts</c> would make routing answer
    /// 404 to other content types instead of the handler's 415.)
    /// </summary>
    public static Func<OpenApiOperation, OpenApiOperationTransformerContext, CancellationToken, Task> CsvBody(string description) =>
        (operation, _, _) =>
        {
            var file = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType> { ["text/csv"] = file, ["application/octet-stream"] = file },
            };
            return Task.CompletedTask;
        };
}
