using Migration.ProgramRun.Driver;
using Migration.ProgramRun.Report;
using Migration.ProgramRun.Scenario;
using Migration.Testing.Hosting;
using Xunit.Abstractions;

namespace Migration.EndToEnd.Tests;

/// <summary>
/// The program driver plays a tiny stage 1 (about 15 households) through the gateway of a system of its own (its
/// quotas, budget lines and approval policy must not meet the other end-to-end tests'), and its report adds up.
/// </summary>
public sealed class ProgramRunTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ProgramSystem system = null!;

    public async Task InitializeAsync() => system = await ProgramSystem.Start("program-run");

    public async Task DisposeAsync()
    {
        if (system is not null) await system.DisposeAsync();
    }

    [Fact]
    public async Task Every_household_is_relocated_withdrawn_or_waiting_the_ledgers_add_up_and_every_budget_line_balances()
    {
        var scenario = ScenarioGenerator.Generate(seed: 2004, factor: 0.01m);
        using var api = new Gateway(system.Gateway.Address);
        using var log = new StringWriter();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        ProgramReport report;
        try
        {
            report = await ProgramDriver.Run(api, scenario, log, cancel.Token);
        }
        finally
        {
            output.WriteLine(log.ToString());
        }

        output.WriteLine(report.Render());
        Assert.InRange(scenario.Households.Count, 10, 20);
        Assert.Equal(scenario.Households.Count, report.Cases.Count);
        Assert.All(report.Cases, c => Assert.Contains(c.Outcome, new[] { Outcomes.Relocated, Outcomes.Withdrawn, Outcomes.WaitingForHousing }));
        Assert.Equal(scenario.Households.Count(h => h.Fate != HouseholdFate.Relocates), report.CasesByOutcome[Outcomes.Withdrawn]);
        Assert.True(report.CasesByOutcome.GetValueOrDefault(Outcomes.WaitingForHousing) >= 1, "someone waits for the late houses");
        Assert.True(report.CasesByOutcome.GetValueOrDefault(Outcomes.Relocated) >= scenario.Households.Count / 2, "most families relocated");

        var ledgers = report.RelocatedLedgers;
        Assert.True(ledgers.ReturnedKzt > 0, "the bank returned the closed account's payments");
        Assert.Equal(ledgers.EntitledKzt, ledgers.PaidKzt);   // the returned payments were reissued to the new accounts and paid
        Assert.Equal(report.Payments.Where(p => p.Status == "paid").Sum(p => p.AmountKzt),
            report.Budgets.Sum(b => b.SpentKzt));
        Assert.All(report.Budgets, b => Assert.True(b.Balances, $"{b.FiscalYear} {b.Source} {b.Oblast} balances"));
    }
}
