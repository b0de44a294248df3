using System.Collections.Concurrent;
using Migration.ProgramRun.Scenario;

namespace Migration.ProgramRun.Driver;

/// <summary>What the stages share: the gateway, the scenario, the households' progress, and the budget lines by key.</summary>
public sealed class RunContext(Gateway gateway, ProgramScenario scenario, int parallelism, TextWriter log, CancellationToken cancellationToken)
{
    public Gateway Gateway { get; } = gateway;

    public ProgramScenario Scenario { get; } = scenario;

    public Cast Cast { get; } = new(scenario);

    public IReadOnlyList<HouseholdRun> Households { get; } = [.. scenario.Households.Select(h => new HouseholdRun(h))];

    public ConcurrentDictionary<(int Year, string Source, string Oblast), Guid> BudgetLines { get; } = new();

    /// <summary>The benefit of each payment the run approved, for the bank's returns.</summary>
    public ConcurrentDictionary<Guid, string> PaymentBenefits { get; } = new();

    /// <summary>Payments the bank returned, by household.</summary>
    public ConcurrentDictionary<Guid, int> Returned { get; } = new();

    /// <summary>The payments issued again after a return, and their household: they go to the new account, and the bank pays them.</summary>
    public ConcurrentDictionary<Guid, HouseholdRun> Reissued { get; } = new();

    public TextWriter Log { get; } = log;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>The calendar day of the run: approvals, moves and the bank's booking happen today.</summary>
    public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>
    /// Runs <paramref name="work"/> for every item with a bounded degree of parallelism. A household whose step fails is
    /// marked failed (and left out of later stages) instead of stopping the whole program.
    /// </summary>
    public Task ForEach<T>(IEnumerable<T> items, Func<T, CancellationToken, Task> work) => ForEach(items, Parallelism, work);

    /// <summary>Like <see cref="ForEach{T}(IEnumerable{T}, Func{T, CancellationToken, Task})"/> with a degree of parallelism of its own.</summary>
    public Task ForEach<T>(IEnumerable<T> items, int degree, Func<T, CancellationToken, Task> work) =>
        Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = degree, CancellationToken = CancellationToken },
            async (item, token) => await work(item, token));

    public int Parallelism { get; } = parallelism;

    /// <summary>Like <see cref="ForEach{T}"/> for households: a failure is recorded on the household.</summary>
    public Task ForEachHousehold(IEnumerable<HouseholdRun> households, Func<HouseholdRun, CancellationToken, Task> work) =>
        ForEach(households, async (household, token) =>
        {
            try
            {
                await work(household, token);
            }
            catch (ProgramRunException e)
            {
                household.Failure = e.Message;
                lock (Log) Log.WriteLine($"  household {household.Plan.Number}: {e.Message}");
            }
        });
}
