namespace Migration.ProgramRun.Driver.Stages;

/// <summary>A moved case closes by itself (outcome relocated) once the payment service reports every payment settled: wait for it.</summary>
public static class ClosureStage
{
    public static async Task<string> Run(RunContext run)
    {
        var api = run.Gateway;
        await run.ForEachHousehold(run.Households.Where(h => h.Active && h.Moved), async (h, ct) =>
            await Eventually.True(async () => (await api.Get(Cast.Auditor, $"/api/cases/{h.CaseId}", ct)).Expect().Body.GetProperty("status").GetString() == "closed",
                $"case {h.CaseId} closed by its settled payments", ct));
        return $"{run.Households.Count(h => h.Active && h.Moved)} cases closed as relocated";
    }
}
