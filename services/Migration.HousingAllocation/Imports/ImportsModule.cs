using Marten;
using Migration.HousingAllocation.Stock;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Importing;

namespace Migration.HousingAllocation.Importing;

/// <summary>Bulk registration of housing units from CSV files as import jobs, with the registry's behaviour: jobs, rejected rows, a worker.</summary>
public static class ImportsModule
{
    private static readonly Func<Microsoft.OpenApi.OpenApiOperation, Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext, CancellationToken, Task> CsvBody =
        ImportSpool.CsvBody("The CSV file: UTF-8, header line first, ';' or ',' separated: settlementKato, type, address, rooms, floorArea, capacity, appraisedValue, condition.");

    public static void AddImports(this StoreOptions options)
    {
        options.Schema.For<ImportJob>().Index(j => j.Status);
        options.Schema.For<ImportRejection>().Index(r => r.JobId);
    }

    public static IServiceCollection AddImportWorker(this IServiceCollection services)
    {
        return services.AddImportWorker<ImportJob, ImportProcessor>("migration-housing-imports");
    }

    public static RouteGroupBuilder MapImports(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports");
        imports.MapPost("/units", SubmittingImport.Units).RequireRoles(StockEndpoints.Officers).AddOpenApiOperationTransformer(CsvBody)
            .WithName("ImportHousingUnits").WithSummary("Upload a CSV file of housing units to register them as an import job (202 with the job)");
        imports.MapGet("/{id:guid}", GettingImport.Job).RequireRoles(Roles.Staff)
            .WithName("GetHousingImport").WithSummary("An import job with its progress: rows read, accepted, rejected, already present");
        imports.MapGet("/{id:guid}/rejections", GettingImport.Rejections).RequireRoles(Roles.Staff)
            .WithName("HousingImportRejections").WithSummary("The rejected rows of an import in line order, paged");
        imports.MapGet("/{id:guid}/rejections.csv", GettingImport.RejectionsCsv).RequireRoles(Roles.Staff)
            .WithName("HousingImportRejectionsCsv").WithSummary("All rejected rows of an import as a CSV download (line;field;code;message)");
        return api;
    }
}
