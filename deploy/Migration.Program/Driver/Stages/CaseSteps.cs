using System.Net;

namespace Migration.ProgramRun.Driver.Stages;

/// <summary>The steps of a case, each with If-Match; the case's ETag moves on with every step and with the housing reports.</summary>
public static class CaseSteps
{
    /// <summary>One step with the ETag the driver holds; returns the new ETag.</summary>
    public static async Task<string> Step(RunContext run, string client, HouseholdRun h, string step, object? body, CancellationToken ct)
    {
        var reply = (await run.Gateway.Post(client, $"/api/cases/{h.CaseId}/{step}", body ?? new { }, ct, h.CaseETag)).Expect(HttpStatusCode.OK);
        return h.CaseETag = reply.ETag!;
    }

    /// <summary>
    /// One step on the case as it is now: read it, then act with its ETag; another service's report changing the case
    /// in between (412) means read again.
    /// </summary>
    public static async Task<string> StepOnCurrent(RunContext run, string client, HouseholdRun h, string step, object? body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            h.CaseETag = (await run.Gateway.Get(client, $"/api/cases/{h.CaseId}", ct)).Expect().ETag;
            var reply = await run.Gateway.Post(client, $"/api/cases/{h.CaseId}/{step}", body ?? new { }, ct, h.CaseETag);
            if (reply.Status == HttpStatusCode.PreconditionFailed && attempt < 10) continue;
            return h.CaseETag = reply.Expect(HttpStatusCode.OK).ETag!;
        }
    }
}
