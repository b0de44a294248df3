using Marten;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Importing;
using Migration.Registry.Settlements;

namespace Migration.Registry.Importing;

/// <summary>Bulk imports of settlements and households from CSV files: jobs, their rejected rows, and the worker that runs them.</summary>
public static class ImportsModule
{
    /// <summary>Integrators load their systems' data beside registry clerks.</summary>
    private static readonly string[] Submitters = [Roles.RegistryClerk, Roles.Admin, Roles.Integrator];

    private static readonly Func<Microsoft.OpenApi.OpenApiOperation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext, CancellationToken, Task> CsvBody =
        ImportSpool.CsvBody("The CSV file: UTF-8, header line first, ';' or ',' separated (see the API guide for the columns).");

    public static void AddImports(this StoreOptions options)
    {
        options.Schema.For<ImportJob>().Index(j => j.Status);
        options.Schema.For<ImportRejection>().Index(r => r.JobId);
    }

    public static IServiceCollection AddImportWorker(this IServiceCollection services) =>
        services.AddImportWorker<ImportJob, ImportProcessor>("migration-imports");

    public static RouteGroupBuilder MapImports(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports");
        imports.MapPost("/settlements", SubmittingImport.Settlements).RequireRoles(Submitters).AddOpenApiOperationTransformer(CsvBody)
            .WithName("ImportSettlements").WithSummary("Upload a settlements CSV file to certify its settlements as an import job (202 with the job)");
        imports.MapPost("/households", SubmittingImport.Households).RequireRoles(Submitters).AddOpenApiOperationTransformer(CsvBody)
            .WithName("ImportHouseholds").WithSummary("Upload a households CSV file (one row per person) to register its households as an import job");
        imports.MapImportJobs<ImportJob, ImportJobResponse>("", ImportJobResponse.From, (user, job) => user.EnsureCovers(job.OblastScope ?? ""));
        return api;
    }
}
