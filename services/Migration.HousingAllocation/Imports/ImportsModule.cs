using Marten;
using Migration.HousingAllocation.Stock;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Importing;
using Migration.ServiceDefaults.Problems;

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

    public static IServiceCollection AddImportWorker(this IServiceCollection services) =>
        services.AddImportWorker<ImportJob, ImportProcessor>("migration-housing-imports");

    public static RouteGroupBuilder MapImports(this RouteGroupBuilder api)
    {
        var imports = api.MapGroup("/imports").WithTags("Imports");
        imports.MapPost("/units", SubmittingImport.Units).RequireRoles(StockEndpoints.Officers).AddOpenApiOperationTransformer(CsvBody)
            .WithName("ImportHousingUnits").WithSummary("Upload a CSV file of housing units to register them as an import job (202 with the job)");
        imports.MapImportJobs<ImportJob, ImportJobResponse>("Housing", ImportJobResponse.From, (user, job) =>
        {
            if (job.OblastScope is not null && !user.CoversOblast(job.OblastScope)) throw ProblemException.NotFound(GettingImports.NotFound, $"No import {job.Id}.");
        });
        return api;
    }
}
