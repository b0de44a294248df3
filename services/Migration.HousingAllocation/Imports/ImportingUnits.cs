using System.Security.Cryptography;
using System.Text;
using Marten;
using Migration.HousingAllocation.Allocation;
using Migration.HousingAllocation.Destinations;
using Migration.HousingAllocation.Stock;
using Migration.ServiceDefaults.Http;
using Migration.ServiceDefaults.Importing;
using Migration.ServiceDefaults.Problems;

namespace Migration.HousingAllocation.Importing;

/// <summary>
/// Registers the units of a file, as an officer would one by one: each row at a certified settlement that receives
/// migrants, within the submitter's oblast. A unit is keyed by its settlement and address, so a unit already registered
/// (before, or earlier in the file) counts as already present and importing the same file again creates no duplicates.
/// Each batch is one transaction holding the locks of its destinations: new units go at once to waitlisted cases.
/// </summary>
public static class ImportingUnits
{
    public const string SettlementUnknown = RegisteringUnit.SettlementUnknown;
    public const string SettlementNotReceiving = RegisteringUnit.SettlementNotReceiving;

    private sealed record Row(int Line, string SettlementKato, UnitType Type, UnitDetails Details);

    public static async Task Run(ImportRun run, CsvReader csv, CsvColumns columns, TimeSpan reservationPeriod, CancellationToken cancellationToken)
    {
        var rows = new List<Row>(run.BatchSize);
        var settled = 0;
        try
        {
            await foreach (var record in run.Records(csv, cancellationToken))
            {
                if (Read(run, columns, record) is { } row) rows.Add(row);
                if (++settled < run.BatchSize) continue;
                await Store(run, rows, reservationPeriod, cancellationToken);
                settled = 0;
            }
        }
        catch (CsvFormatException)
        {
            await Store(run, rows, reservationPeriod, cancellationToken);
            throw;
        }

        await Store(run, rows, reservationPeriod, cancellationToken);
    }

    /// <summary>The same id for the same settlement and address (ignoring case and spacing): what makes a re-import harmless.</summary>
    public static Guid IdOf(string settlementKato, string address)
    {
        var normalised = string.Join(' ', address.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes($"housing-unit\n{settlementKato}\n{normalised}")).AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    private static Row? Read(ImportRun run, CsvColumns columns, CsvRecord record)
    {
        if (!run.WellFormed(record, columns)) return null;
        var errors = new ValidationErrors();
        var kato = columns.Get(record, "settlementKato");
        errors.Require("settlementKato", kato);
        if (!WireNames.TryParse<UnitType>(columns.Get(record, "type"), out var type))
            errors.Add("type", "type.unknown", $"'type' must be {WireNames.Choices<UnitType>()}.");
        var details = UnitForm.Details(columns.Get(record, "address"), CsvValues.WholeNumber(columns.Get(record, "rooms"), "rooms", errors),
            CsvValues.Number(columns.Get(record, "floorArea"), "floorArea", errors), CsvValues.WholeNumber(columns.Get(record, "capacity"), "capacity", errors),
            CsvValues.Number(columns.Get(record, "appraisedValue"), "appraisedValue", errors), columns.Get(record, "condition"), errors);
        if (details is not null && errors.IsEmpty) return new Row(record.Line, kato!, type, details);
        run.Batch.Reject(record.Line, errors.Errors.DistinctBy(e => (e.Field, e.Code)));
        return null;
    }

    private static async Task Store(ImportRun run, List<Row> rows, TimeSpan reservationPeriod, CancellationToken cancellationToken)
    {
        await using var session = run.OpenSession();
        var settlements = (await session.LoadManyAsync<DestinationSettlement>(cancellationToken, rows.Select(r => r.SettlementKato).Distinct().ToArray()))
            .ToDictionary(s => s.Id, StringComparer.Ordinal);
        var placeable = new List<Row>();
        foreach (var row in rows)
        {
            if (!settlements.TryGetValue(row.SettlementKato, out var settlement))
                run.Batch.Reject(row.Line, "settlementKato", SettlementUnknown, "No certified settlement with this KATO code has reached the housing service.");
            else if (!run.Covers(settlement.Oblast))
                run.Batch.Reject(row.Line, "settlementKato", ImportRun.OutsideScope, $"Your account does not cover oblast {settlement.Oblast}.");
            else if (!settlement.CanReceiveMigrants)
                run.Batch.Reject(row.Line, "settlementKato", SettlementNotReceiving, "The settlement does not receive migrants: no stock is kept there.");
            else placeable.Add(row);
        }

        var now = run.Clock.GetUtcNow();
        var desks = (await DestinationDesk.OpenMany(session, placeable.Select(r => (r.SettlementKato, settlements[r.SettlementKato].Oblast)), now,
            reservationPeriod, cancellationToken)).ToDictionary(d => d.SettlementKato, StringComparer.Ordinal);
        foreach (var row in placeable)
        {
            var desk = desks[row.SettlementKato];
            var id = IdOf(row.SettlementKato, row.Details.Address);
            if (desk.Unit(id) is not null)
            {
                run.Batch.Present(1, row.Line);
                continue;
            }

            desk.Register(new UnitRegistered(id, row.SettlementKato, desk.Oblast, row.Type, row.Details));
            run.Batch.Accept(1, row.Line);
        }

        foreach (var desk in desks.Values) desk.Close();
        rows.Clear();
        await run.Commit(session, cancellationToken);
    }
}
