using Migration.Registry.Kato;
using Migration.Registry.Settlements.Scoring;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Settlements;

/// <summary>The pure decisions about a settlement's certifications: (state, command) → events.</summary>
public static class CertificationDecision
{
    public const string AlreadyCertified = "settlement.already-certified";
    public const string OverrideReasonRequired = "potential.override-reason-required";
    public const string Unchanged = "potential.unchanged";

    public static IReadOnlyList<object> Certify(Settlement? current, Passport passport, KatoClassifier.Place place, string edition,
        ScoringModel model, string clerk, DateTimeOffset now) =>
        current is not null
            ? throw ProblemException.Conflict(AlreadyCertified, $"Settlement {passport.Kato} is already certified; recertify it instead.")
            : [new SettlementCertified(Assess(passport, place, edition, model, clerk, now))];

    public static IReadOnlyList<object> Recertify(Settlement current, Passport passport, KatoClassifier.Place place, string edition,
        ScoringModel model, string clerk, DateTimeOffset now)
    {
        var certification = Assess(passport, place, edition, model, clerk, now);
        return Reclassified(current, certification.EffectiveClass, "recertified", now) is { } reclassified
            ? [new SettlementRecertified(certification), reclassified]
            : [new SettlementRecertified(certification)];
    }

    public static IReadOnlyList<object> Override(Settlement current, PotentialClass potential, string reason, string clerk, DateTimeOffset now)
    {
        if (potential == current.PotentialClass)
            throw ProblemException.Conflict(Unchanged, $"Settlement {current.Id} is already of {potential.ToString().ToLowerInvariant()} potential.");
        var overridden = new SettlementPotentialOverridden(current.Id, current.PotentialClass, new PotentialOverride(potential, reason, clerk, now));
        return [overridden, Reclassified(current, potential, "overridden: " + reason, now)!];
    }

    /// <summary>The certification a passport makes: the model's assessment, and the clerk's override where the clerk disagrees.</summary>
    public static Certification Assess(Passport passport, KatoClassifier.Place place, string edition, ScoringModel model, string clerk, DateTimeOffset now)
    {
        var potential = passport.Indicators is { } indicators
            ? model.Assess(indicators, passport.Hazards)
            : new PotentialAssessment(passport.StatedClass!.Value, null, null, PotentialSource.Clerk);

        PotentialOverride? overridden = null;
        if (potential.Source == PotentialSource.Model && passport.StatedClass is { } stated && stated != potential.Class)
        {
            overridden = passport.OverrideReason is { } reason
                ? new PotentialOverride(stated, reason, clerk, now)
                : throw new ProblemException(StatusCodes.Status400BadRequest, OverrideReasonRequired, "A reason is required",
                    $"The scoring model (version {model.Version}) gives {potential.Class.ToString().ToLowerInvariant()} (score {potential.Score}); " +
                    "stating another class is an override and needs 'overrideReason'.");
        }

        return new Certification(passport.Kato.Value, edition, passport.NameRu ?? place.Settlement.Name, passport.NameKk,
            passport.Kato.Oblast, place.District?.Name, place.RuralOkrug?.Name, passport.ClimateZone, passport.Coordinates,
            passport.Indicators, passport.Hazards, potential, overridden, clerk, now);
    }

    private static SettlementPotentialReclassified? Reclassified(Settlement current, PotentialClass next, string reason, DateTimeOffset now) =>
        current.PotentialClass == next ? null : new SettlementPotentialReclassified(current.Id, current.PotentialClass, next, reason, now);
}
