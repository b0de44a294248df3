using System.Security.Claims;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Migration.ServiceDefaults.Auth;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Settlements.Scoring;

/// <summary>Versions of the scoring model: listed by anyone, added by an admin, chosen by effective date.</summary>
public static class ScoringModels
{
    /// <summary>A new version as posted; every part may be missing from the JSON, and a missing part is a 400, not a 500.</summary>
    public sealed record NewVersion(DateOnly? EffectiveFrom, ScoringWeights? Weights, ScoringScales? Scales, PotentialThresholds? Thresholds, HazardPenalties? HazardPenalties);

    /// <summary>The newest version in force on <paramref name="day"/>; the default version when none is stored yet.</summary>
    public static async Task<ScoringModel> InForce(this IQuerySession session, DateOnly day, TimeProvider clock, CancellationToken cancellationToken) =>
        await session.Query<ScoringModel>().Where(m => m.EffectiveFrom <= day).OrderByDescending(m => m.Id).FirstOrDefaultAsync(cancellationToken)
        ?? ScoringModel.Default(clock.GetUtcNow());

    public static RouteGroupBuilder MapScoringModels(this RouteGroupBuilder api)
    {
        var models = api.MapGroup("/scoring-models").WithTags("Scoring models");
        models.MapGet("/", List).RequireRoles(Roles.Staff).WithSummary("Every version of the potential scoring model, newest first");
        models.MapPost("/", Add).RequireRoles(Roles.Admin).WithSummary("Add a version of the scoring model (versions are never changed)");
        return api;
    }

    private static async Task<Ok<IReadOnlyList<ScoringModel>>> List(IQuerySession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        var stored = await session.Query<ScoringModel>().OrderByDescending(m => m.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ScoringModel>>(stored.Count > 0 ? stored : [ScoringModel.Default(clock.GetUtcNow())]);
    }

    private static async Task<Results<Created<ScoringModel>, ProblemHttpResult>> Add(
        NewVersion request, ClaimsPrincipal user, IDocumentSession session, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (request is not { EffectiveFrom: { } effectiveFrom, Weights: { } weights, Scales: { } scales, Thresholds: { } thresholds, HazardPenalties: { } penalties })
            return Missing(request).ToProblem();

        var stored = await session.Query<ScoringModel>().OrderByDescending(m => m.Id).ToListAsync(cancellationToken);
        var latest = stored.Count > 0 ? stored[0] : ScoringModel.Default(clock.GetUtcNow());
        var model = new ScoringModel(latest.Id + 1, effectiveFrom, weights, scales, thresholds, penalties, user.CallerId(), clock.GetUtcNow());
        var errors = new ValidationErrors();
        foreach (var (field, message) in model.Problems()) errors.Add(field, "scoring-model.invalid", message);
        if (!errors.IsEmpty) return errors.ToProblem();

        if (stored.Count == 0) session.Insert(latest);
        // Insert, not store: two admins adding a version at once cannot both take the same number.
        session.Insert(model);
        await session.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/registry/scoring-models/{model.Id}", model);
    }

    private static ValidationErrors Missing(NewVersion request)
    {
        var errors = new ValidationErrors();
        if (request.EffectiveFrom is null) errors.Add("effectiveFrom", "required", "'effectiveFrom' is required.");
        if (request.Weights is null) errors.Add("weights", "required", "'weights' is required.");
        if (request.Scales is null) errors.Add("scales", "required", "'scales' is required.");
        if (request.Thresholds is null) errors.Add("thresholds", "required", "'thresholds' is required.");
        if (request.HazardPenalties is null) errors.Add("hazardPenalties", "required", "'hazardPenalties' is required.");
        return errors;
    }
}
