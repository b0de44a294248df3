using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.Registry.Settlements;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.LabourDemand;

/// <summary>
/// A registered employer (through a registry clerk or its integrator) declares a vacancy at a certified settlement
/// in the caller's oblast. With an <c>Idempotency-Key</c>, a repeated request answers with the vacancy it created.
/// </summary>
public static class DeclaringVacancy
{
    public const string UnknownEmployer = "employer.unknown";
    public const string SettlementNotCertified = "settlement.not-certified";
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    public sealed record VacancyRequest(
        string? EmployerBin, string? SettlementKato, string? Occupation, int? Places, decimal? MonthlyWage, DateOnly? From, DateOnly? To);

    public static async Task<Results<Created<VacancyResponse>, ProblemHttpResult>> Handle(
        VacancyRequest request, HttpRequest http, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var bin = LabourDemandValidation.ValidateBin("employerBin", request.EmployerBin, errors);
        var kato = LabourDemandValidation.ValidateKato("settlementKato", request.SettlementKato, errors, settlement: true);
        var occupation = LabourDemandValidation.ValidateText("occupation", request.Occupation, LabourDemandValidation.MaxOccupation, errors);
        var terms = LabourDemandValidation.ValidateTerms(request.Places, request.MonthlyWage, request.From, request.To, errors);
        if (!errors.IsEmpty) return errors.ToProblem();
        user.EnsureCovers(kato!.Value.Oblast);

        var employerBin = bin!.Value.Value;
        var settlementKato = kato.Value.Value;
        if (await session.LoadAsync<Employer>(employerBin, cancellationToken) is null)
            errors.Add("employerBin", UnknownEmployer, $"No employer with BIN {employerBin} is registered; register it first.");
        var settlement = await session.LoadAsync<Settlement>(settlementKato, cancellationToken);
        if (settlement is null)
            errors.Add("settlementKato", SettlementNotCertified, $"Settlement {settlementKato} is not certified; vacancies are declared at certified settlements.");
        if (!errors.IsEmpty) throw new ValidationProblemException(errors);

        var id = IdFor(http, user, clock);
        if (await session.LoadAsync<Vacancy>(id.ToString(), cancellationToken) is { } earlier) return Created(earlier, http);

        var elsewhere = await session.LockElsewhere(settlementKato, occupation!, null, cancellationToken);
        var post = new VacancyPost(id, employerBin, settlementKato, settlement!.Oblast, occupation!);
        var declared = LabourDemandDecision.Declare(post, terms!, elsewhere, user.CallerId(), clock.GetUtcNow());
        session.Events.StartStream<Vacancy>(id.ToString(), declared);
        await session.SaveChangesAsync(cancellationToken);

        return Created(new VacancyProjection().Create(declared) with { Version = 1 }, http);
    }

    private static Created<VacancyResponse> Created(Vacancy vacancy, HttpRequest http)
    {
        http.HttpContext.Response.SetETag(vacancy.Version);
        return TypedResults.Created($"/api/registry/vacancies/{vacancy.Id}", VacancyResponse.Of(vacancy));
    }

    /// <summary>
    /// A new time-ordered id, or, with an <c>Idempotency-Key</c>, an id derived from the caller and the key, so a retried
    /// request finds the vacancy its first attempt created instead of declaring it twice.
    /// </summary>
    private static Guid IdFor(HttpRequest http, ClaimsPrincipal user, TimeProvider clock)
    {
        var key = http.Headers[IdempotencyKeyHeader].ToString();
        if (string.IsNullOrWhiteSpace(key)) return Guid.CreateVersion7(clock.GetUtcNow());
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"vacancy\n{user.CallerId()}\n{key.Trim()}"), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // version 8: a name-based id of our own
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 9562 variant
        return new Guid(bytes, bigEndian: true);
    }
}
