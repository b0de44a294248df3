using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.SubsidyPayment.Disbursement;

/// <summary>Disbursement: batches of approved payments, their pain.001 files per bank, and the banks' statements.</summary>
public static class DisbursementModule
{
    public const string StatementNotFound = "statement.not-found";


    public static StoreOptions AddDisbursement(this StoreOptions options)
    {
        options.Projections.Add<DisbursementBatchProjection>(JasperFx.Events.Projections.ProjectionLifecycle.Inline);
        options.Schema.For<ImportedStatement>();
        return options;
    }

    public static IServiceCollection AddDisbursement(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<DisbursementOptions>(configuration.GetSection(DisbursementOptions.Section));
        return services;
    }

    public static RouteGroupBuilder MapDisbursement(this RouteGroupBuilder api)
    {
        var batches = api.MapGroup("/batches").WithTags("Disbursement");
        batches.MapGet("/", ReadingBatches.List).RequireRoles(FinanceRoles.Readers).WithName("ListBatches").WithSummary("Disbursement batches, newest first (filter by status)");
        batches.MapPost("/", CreatingBatch.Handle).RequireRoles(Roles.FinanceOfficer).WithName("CreateBatch")
            .WithSummary("Make a batch of the approved payments due by the execution date: one ISO 20022 pain.001 file per bank");
        batches.MapGet("/{batchId:guid}", ReadingBatches.Get).RequireRoles(FinanceRoles.Readers).WithName("GetBatch")
            .WithSummary("A batch: its files with control sums, status, and any discrepancy a statement reported");
        batches.MapGet("/{batchId:guid}/files/{bic}", ReadingBatches.File).RequireRoles(Roles.FinanceOfficer, Roles.SeniorFinanceOfficer, Roles.Auditor)
            .WithName("GetBatchFile").WithSummary("The pain.001.001.03 credit-transfer file for one bank of the batch (application/xml)")
            .Produces(StatusCodes.Status200OK, contentType: "application/xml");
        batches.MapPost("/{batchId:guid}/sent", SendingBatch.Handle).RequireRoles(Roles.FinanceOfficer).WithName("MarkBatchSent")
            .WithSummary("Record that the batch's files went to the banks (If-Match)");

        var statements = api.MapGroup("/statements").WithTags("Disbursement");
        statements.MapPost("/", ImportingStatement.Handle).RequireRoles(Roles.FinanceOfficer).WithName("ImportStatement")
            .WithSummary("Import a camt.053 statement or camt.054 notification (the XML file as the body): validated, matched by end-to-end id, idempotent");
        statements.MapGet("/", ListStatements).RequireRoles(FinanceRoles.Readers).WithName("ListStatements").WithSummary("Imported statements, newest first");
        statements.MapGet("/{statementId}", GetStatement).RequireRoles(FinanceRoles.Readers).WithName("GetStatement")
            .WithSummary("An imported statement: paid, returned, already recorded, unmatched and pending entries, flagged batches");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ImportedStatement>>> ListStatements(IQuerySession session, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<ImportedStatement>>(await session.Query<ImportedStatement>().OrderByDescending(s => s.ImportedAt).Take(Paging.MaxLimit).ToListAsync(cancellationToken));

    private static async Task<Ok<ImportedStatement>> GetStatement(string statementId, IQuerySession session, CancellationToken cancellationToken) =>
        TypedResults.Ok(await session.LoadAsync<ImportedStatement>(statementId, cancellationToken)
            ?? throw ProblemException.NotFound(StatementNotFound, $"No statement {statementId} was imported."));
}
