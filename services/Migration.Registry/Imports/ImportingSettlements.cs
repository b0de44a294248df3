using JasperFx;
using Marten;
using Marten.Exceptions;
using Migration.Registry.Settlements;
using Migration.Registry.Settlements.Scoring;
using Migration.ServiceDefaults.Importing;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Importing;

/// <summary>
/// Certifies the settlements of a file, as a clerk would one by one: each row is a passport, placed in the current
/// classifier edition and scored by the model in force, and becomes a settlement stream keyed by its KATO code. A code
/// already certified (before, or earlier in the file) is counted as already present, never certified twice.
/// </summary>
public static class ImportingSettlements
{
    private sealed record Row(int Line, Passport Passport);

    private sealed record Outcome(Row Row, SettlementCertified? Certified, FieldError? Refusal);

    public static async Task Run(ImportRun run, CsvReader csv, CsvColumns columns, CancellationToken cancellationToken)
    {
        var now = run.Clock.GetUtcNow();
        ScoringModel model;
        ClassifierCache classifier;
        await using (var session = run.Store.QuerySession())
        {
            model = await session.InForce(DateOnly.FromDateTime(now.UtcDateTime), run.Clock, cancellationToken);
            classifier = await ClassifierCache.Open(session, cancellationToken);
        }

        var rows = new List<Row>(run.BatchSize);
        var settled = 0;
        try
        {
            await foreach (var record in run.Records(csv, cancellationToken))
            {
                if (Read(run, columns, record) is { } row) rows.Add(row);
                if (++settled < run.BatchSize) continue;
                await Store(run, rows, classifier, model, now, cancellationToken);
                settled = 0;
            }
        }
        catch (CsvFormatException)
        {
            // The rows read before the file stopped being CSV are still imported.
            await Store(run, rows, classifier, model, now, cancellationToken);
            throw;
        }

        await Store(run, rows, classifier, model, now, cancellationToken);
    }

    private static Row? Read(ImportRun run, CsvColumns columns, CsvRecord record)
    {
        if (!run.WellFormed(record, columns)) return null;
        var errors = new ValidationErrors();
        var passport = SettlementRow.Read(columns, record, errors);
        if (passport is null)
        {
            run.Batch.Reject(record.Line, errors.Errors);
            return null;
        }

        if (run.Covers(passport.Kato.Oblast)) return new Row(record.Line, passport);
        run.Batch.Reject(record.Line, "kato", ImportRun.OutsideScope, $"Your account does not cover oblast {passport.Kato.Oblast}.");
        return null;
    }

    /// <summary>One transaction for the batch; when a settlement was certified meanwhile by someone else, one per settlement.</summary>
    private static async Task Store(ImportRun run, List<Row> rows, ClassifierCache classifier, ScoringModel model, DateTimeOffset now, CancellationToken cancellationToken)
    {
        List<Outcome> outcomes;
        await using (var session = run.OpenSession())
        {
            await classifier.Load(session, rows.Select(r => r.Passport.Kato), cancellationToken);
            var certified = (await session.LoadManyAsync<Settlement>(cancellationToken, rows.Select(r => r.Passport.Kato.Value).Distinct().ToArray()))
                .Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            outcomes = rows.Select(row => Decide(row, certified, classifier, model, run.Job.SubmittedBy, now)).ToList();

            var checkpoint = run.Batch.Checkpoint();
            foreach (var outcome in outcomes)
            {
                if (outcome.Certified is { } e) session.Events.StartStream<Settlement>(e.Certification.Kato, e);
                Count(run.Batch, outcome, stored: true);
            }

            try
            {
                await run.Commit(session, cancellationToken);
                rows.Clear();
                return;
            }
            catch (Exception race) when (race is ExistingStreamIdCollisionException or DocumentAlreadyExistsException)
            {
                run.Batch.Restore(checkpoint);
            }
        }

        foreach (var outcome in outcomes)
        {
            var stored = outcome.Certified is null || await TryCertify(run, outcome.Certified, cancellationToken);
            Count(run.Batch, outcome, stored);
        }

        await using (var session = run.OpenSession()) await run.Commit(session, cancellationToken);
        rows.Clear();
    }

    private static Outcome Decide(Row row, HashSet<string> certified, ClassifierCache classifier, ScoringModel model, string clerk, DateTimeOffset now)
    {
        var kato = row.Passport.Kato;
        if (certified.Contains(kato.Value)) return new Outcome(row, null, null);
        if (classifier.Find(kato) is not { } place)
            return new Outcome(row, null, new FieldError("kato", "kato.not-in-classifier", $"{kato} is not a settlement in the {classifier.Edition} edition of the KATO classifier."));
        try
        {
            var certification = CertificationDecision.Assess(row.Passport, place, classifier.Edition, model, clerk, now);
            certified.Add(kato.Value);
            return new Outcome(row, new SettlementCertified(certification), null);
        }
        catch (ProblemException problem)
        {
            var field = problem.Code == CertificationDecision.OverrideReasonRequired ? "overrideReason" : "kato";
            return new Outcome(row, null, new FieldError(field, problem.Code, problem.Detail ?? problem.Title));
        }
    }

    private static void Count(ImportBatch batch, Outcome outcome, bool stored)
    {
        if (outcome.Refusal is { } refusal) batch.Reject(outcome.Row.Line, [refusal]);
        else if (outcome.Certified is not null && stored) batch.Accept(1, outcome.Row.Line);
        else batch.Present(1, outcome.Row.Line);
    }

    private static async Task<bool> TryCertify(ImportRun run, SettlementCertified certified, CancellationToken cancellationToken)
    {
        await using var session = run.OpenSession();
        session.Events.StartStream<Settlement>(certified.Certification.Kato, certified);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (Exception race) when (race is ExistingStreamIdCollisionException or DocumentAlreadyExistsException)
        {
            return false;
        }
    }
}
