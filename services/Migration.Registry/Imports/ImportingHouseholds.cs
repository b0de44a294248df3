using JasperFx;
using Marten;
using Migration.Registry.Households;
using Migration.ServiceDefaults.Importing;
using Migration.ServiceDefaults.Problems;

namespace Migration.Registry.Importing;

/// <summary>
/// Registers the households of a file, as a clerk would one by one, a batch of households per transaction: one
/// look-up of all the batch's IINs, then each household's stream and its members' IIN claims. Re-importing is safe:
/// a household whose people all belong to one registered household is already present; one whose people belong
/// elsewhere is refused whole.
/// </summary>
public static class ImportingHouseholds
{
    public const string NotContiguous = "import.household-not-contiguous";

    private sealed record Outcome(HouseholdDraft Draft, HouseholdRegistered? Registered, FieldError? Refusal);

    public static async Task Run(ImportRun run, CsvReader csv, CsvColumns columns, CancellationToken cancellationToken)
    {
        var references = new HouseholdReferences();
        var settlements = new SettlementCache();
        var drafts = new List<HouseholdDraft>(run.BatchSize);
        var records = run.Records(csv, cancellationToken, skipped: record =>
        {
            if (record.Fields.Length == columns.Count && columns.Get(record, "householdRef") is { } reference) references.Add(reference);
        });

        var settled = 0;
        try
        {
            await foreach (var household in HouseholdRows.Read(records, columns, cancellationToken))
            {
                foreach (var stray in household.Strays)
                    if (run.WellFormed(stray, columns)) run.Batch.Reject(stray.Line, "householdRef", "required", "'householdRef' is required.");
                if (household.Reference is { } reference)
                {
                    if (!references.Add(reference))
                    {
                        foreach (var line in household.Lines)
                            run.Batch.Reject(line, "householdRef", NotContiguous, "This household's rows must be contiguous; its reference appeared earlier in the file.");
                    }
                    else if (HouseholdRow.Read(household, columns, run.Batch) is { } draft)
                    {
                        drafts.Add(draft);
                    }
                }

                if (++settled < run.BatchSize) continue;
                await Store(run, drafts, settlements, cancellationToken);
                settled = 0;
            }
        }
        catch (CsvFormatException)
        {
            // The rows read before the file stopped being CSV are still imported.
            await Store(run, drafts, settlements, cancellationToken);
            throw;
        }

        await Store(run, drafts, settlements, cancellationToken);
    }

    /// <summary>One transaction for the batch; when someone registered one of its people meanwhile, one per household.</summary>
    private static async Task Store(ImportRun run, List<HouseholdDraft> drafts, SettlementCache settlements, CancellationToken cancellationToken)
    {
        List<Outcome> outcomes;
        await using (var session = run.OpenSession())
        {
            await settlements.Load(session, drafts.Select(d => d.Settlement.Value), cancellationToken);
            var iins = drafts.SelectMany(d => d.Members).Select(m => m.Iin).ToArray();
            var owners = iins.Length == 0
                ? []
                : (await session.LoadManyAsync<PersonMembership>(cancellationToken, iins)).ToDictionary(m => m.Id, m => m.HouseholdId, StringComparer.Ordinal);
            var now = run.Clock.GetUtcNow();
            outcomes = drafts.Select(draft => Decide(run, draft, settlements, owners, now)).ToList();

            var checkpoint = run.Batch.Checkpoint();
            foreach (var outcome in outcomes)
            {
                if (outcome.Registered is { } registered) Append(session, registered);
                Count(run.Batch, outcome, stored: true);
            }

            try
            {
                await run.Commit(session, cancellationToken);
                drafts.Clear();
                return;
            }
            catch (DocumentAlreadyExistsException)
            {
                run.Batch.Restore(checkpoint);
            }
        }

        foreach (var outcome in outcomes)
        {
            var stored = outcome.Registered is null || await TryRegister(run, outcome.Registered, cancellationToken);
            Count(run.Batch, outcome, stored);
        }

        await using (var session = run.OpenSession()) await run.Commit(session, cancellationToken);
        drafts.Clear();
    }

    private static Outcome Decide(ImportRun run, HouseholdDraft draft, SettlementCache settlements, Dictionary<string, Guid> owners, DateTimeOffset now)
    {
        var kato = draft.Settlement.Value;
        if (settlements.OblastOf(kato) is not { } oblast)
            return Refused(draft, "settlementKato", RegisteringHousehold.SettlementNotCertified, $"Settlement {kato} is not certified; certify it before registering its households.");
        if (!run.Covers(oblast))
            return Refused(draft, "settlementKato", ImportRun.OutsideScope, $"Your account does not cover oblast {oblast}.");

        var households = draft.Members.Select(m => owners.TryGetValue(m.Iin, out var id) ? id : (Guid?)null).ToList();
        if (households.All(h => h is null))
        {
            var registered = new HouseholdRegistered(Guid.CreateVersion7(now), kato, oblast, draft.Members, draft.Contact);
            foreach (var member in draft.Members) owners[member.Iin] = registered.HouseholdId;
            return new Outcome(draft, registered, null);
        }

        if (households.All(h => h == households[0])) return new Outcome(draft, null, null);
        var other = households.First(h => h is not null);
        return Refused(draft, "iin", RegisteringHousehold.PersonInAnotherHousehold,
            $"{households.Count(h => h is not null)} of this household's {households.Count} people are already registered in household {other}.");
    }

    private static Outcome Refused(HouseholdDraft draft, string field, string code, string message) => new(draft, null, new FieldError(field, code, message));

    private static void Append(IDocumentSession session, HouseholdRegistered registered)
    {
        session.Events.StartStream<Household>(registered.HouseholdId.ToString(), registered);
        foreach (var member in registered.Members) session.Insert(new PersonMembership(member.Iin, registered.HouseholdId));
    }

    private static void Count(ImportBatch batch, Outcome outcome, bool stored)
    {
        var draft = outcome.Draft;
        var refusal = outcome.Refusal ?? (stored ? null : new FieldError("iin", RegisteringHousehold.PersonInAnotherHousehold,
            "One of this household's people was registered in another household at the same moment."));
        if (refusal is not null)
        {
            foreach (var line in draft.Lines) batch.Reject(line, [refusal]);
        }
        else if (outcome.Registered is not null)
        {
            batch.Accept(draft.Lines.Count, draft.LastLine);
        }
        else
        {
            batch.Present(draft.Lines.Count, draft.LastLine);
        }
    }

    private static async Task<bool> TryRegister(ImportRun run, HouseholdRegistered registered, CancellationToken cancellationToken)
    {
        await using var session = run.OpenSession();
        Append(session, registered);
        try
        {
            await session.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DocumentAlreadyExistsException)
        {
            return false;
        }
    }
}
