using System.Net;

namespace Migration.ProgramRun.Driver.Stages;

/// <summary>
/// The admin registers the oblast staff as API clients (a second run finds them and rotates their secrets, since a
/// secret is shown only once) and gives every senior finance officer an approval limit.
/// </summary>
public static class StaffStage
{
    public static async Task<string> Run(RunContext run)
    {
        var (api, token) = (run.Gateway, run.CancellationToken);
        int registered = 0, rotated = 0;
        await run.ForEach(run.Cast.OblastStaff, async (staff, ct) =>
        {
            var (clientId, role, oblast) = staff;
            var reply = await api.Post(Cast.Admin, "/api/identity/clients",
                new { clientId, displayName = $"{role} of oblast {oblast} (program run)", role, oblast }, ct);
            if (reply.Status == HttpStatusCode.Conflict)
            {
                reply = (await api.Post(Cast.Admin, $"/api/identity/clients/{clientId}/secret", new { }, ct)).Expect();
                Interlocked.Increment(ref rotated);
            }
            else
            {
                reply.Expect(HttpStatusCode.Created);
                Interlocked.Increment(ref registered);
            }

            api.Know(clientId, reply.Body.GetProperty("clientSecret").GetString()!);
        });

        var approvers = 0;
        foreach (var approver in Cast.Approvers)
        {
            (await api.Put(Cast.Admin, $"/api/payments/approval-policy/limits/{approver}", new { limitKzt = Cast.ApprovalLimitKzt }, token)).Expect();
            approvers++;
        }

        return $"{registered} staff clients registered, {rotated} already there (secret rotated); {approvers} approvers with a limit of {Cast.ApprovalLimitKzt:N0} KZT";
    }
}
