using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Migration.Contracts.Registry;
using Migration.Contracts.RelocationCase;
using Migration.Identifiers;
using Migration.ServiceDefaults.Operations;
using Npgsql;

namespace Migration.Registry.Tests.Operations;

/// <summary>
/// The event forwarder rewound to publish again, a failed message inspected and replayed from its error queue, every
/// action audited, bad requests refused with stable codes and every role but admin kept out.
/// </summary>
public sealed class OperationsTests(OperationsFixture registry) : IClassFixture<OperationsFixture>
{
    private const string Forwarder = "integration-event-forwarder";
    private const string MoveConfirmedErrors = "registry-move-confirmed_error";

    [Fact]
    public async Task Rewinding_the_forwarder_publishes_the_later_events_again_and_consumers_apply_each_once()
    {
        using var clerk = registry.Client("registry-clerk");
        using var admin = registry.Client("admin");
        var katos = new List<string>();
        for (var i = 0; i < 10; i++) katos.Add(await OperationsFixture.Certify(clerk));
        var events = await EventIds(katos);
        await Eventually.True(() => katos.All(k => events[k].Sum(registry.Deliveries.Consumed) == 1), "every certification consumed once");
        var forwarder = await Eventually.Get(async () =>
        {
            var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/registry/operations/projections")).EnumerateArray().Single(p => p.GetProperty("name").GetString() == Forwarder);
            return listed.GetProperty("behind").GetInt64() == 0 ? (object)listed : null;
        }, "the forwarder caught up");
        Assert.Equal(("subscription", true), (((JsonElement)forwarder).GetProperty("kind").GetString(), ((JsonElement)forwarder).GetProperty("runningHere").GetBoolean()));

        var from = await FirstSequence(katos[5]);
        using var accepted = await admin.PostAsJsonAsync($"/api/registry/operations/subscriptions/{Forwarder}/rewind", new { fromSequence = from });
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var operation = await OperationsFixture.Finished(admin, accepted.Headers.Location!);
        Assert.Equal("succeeded", operation.GetProperty("status").GetString());

        // The events from that point on arrive again (the raw collector sees them twice); the inbox consumer applies each once.
        await Eventually.True(() => katos[5..].All(k => events[k].Sum(registry.Deliveries.Consumed) == 2), "the later certifications delivered again");
        Assert.All(katos[..5], k => Assert.Equal(1, events[k].Sum(registry.Deliveries.Consumed)));
        await Eventually.True(() => katos[5..].All(k => registry.Published.OfType<SettlementCertified>().Count(e => e.Kato == k) == 2), "the collector got them twice");
        Assert.All(katos[..5], k => Assert.Single(registry.Published.OfType<SettlementCertified>(), e => e.Kato == k));
        await using (var session = registry.ConsumerStore.QuerySession())
        {
            var noted = await session.Events.QueryRawEventDataOnly<CertificationNoted>().Where(n => n.Kato.IsOneOf(katos.ToArray())).ToListAsync();
            Assert.Equal(katos.Order(), noted.Select(n => n.Kato).Order());
        }

        var audit = (await OperationsFixture.Audit(admin)).Where(e => e.GetProperty("target").GetString() == Forwarder).ToList();
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == AuditActions.RewindRequested && e.GetProperty("outcome").GetString() == "accepted"
            && e.GetProperty("detail").GetString() == $"from sequence {from}" && e.GetProperty("caller").GetString() == "admin");
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == AuditActions.RewindFinished && e.GetProperty("outcome").GetString() == "succeeded");
    }

    [Fact]
    public async Task A_failed_message_is_shown_with_its_fault_and_once_its_cause_is_fixed_a_replay_has_it_consumed()
    {
        using var clerk = registry.Client("registry-clerk");
        using var admin = registry.Client("admin");
        var origin = await OperationsFixture.Certify(clerk);
        using var registered = await clerk.PostAsJsonAsync("/api/registry/households", new
        {
            settlementKato = origin, members = new[] { People.Member("head", new DateOnly(1975, 4, 12), Sex.Male) }, contact = new { phone = "+7 701 000 00 00" },
        });
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var household = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // The destination is certified only later: the move cannot be carried out yet.
        var destination = RealSettlements.NextCode();
        var messageId = Guid.NewGuid();
        await registry.Publish(new MoveConfirmed(Guid.NewGuid(), household, origin, destination, new DateOnly(2005, 6, 1), DateTimeOffset.UtcNow), messageId);

        await Eventually.True(async () => await Waiting(admin) == 1, "the message in the error queue");
        var peeked = (await admin.GetFromJsonAsync<JsonElement>($"/api/registry/operations/error-queues/{MoveConfirmedErrors}/messages")).EnumerateArray().Single();
        Assert.Equal(messageId, peeked.GetProperty("messageId").GetGuid());
        Assert.EndsWith(":MoveConfirmed", peeked.GetProperty("messageType").GetString(), StringComparison.Ordinal);
        Assert.Contains("InvalidOperationException", peeked.GetProperty("exceptionType").GetString(), StringComparison.Ordinal);
        Assert.Contains("unknown to the registry", peeked.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(peeked.GetProperty("stackTrace").EnumerateArray());
        Assert.Equal(household, peeked.GetProperty("message").GetProperty("householdId").GetGuid());
        Assert.Equal(1, await Waiting(admin));

        using (var other = await admin.PostAsJsonAsync($"/api/registry/operations/error-queues/{MoveConfirmedErrors}/replay", new { messageIds = new[] { Guid.NewGuid() } }))
        {
            var outcome = await other.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((HttpStatusCode.OK, 0, 1), (other.StatusCode, outcome.GetProperty("moved").GetInt32(), outcome.GetProperty("notFound").GetArrayLength()));
        }

        Assert.Equal(1, await Waiting(admin));
        await CertifyAt(clerk, destination);
        using var replayed = await admin.PostAsJsonAsync($"/api/registry/operations/error-queues/{MoveConfirmedErrors}/replay", new { messageIds = new[] { messageId } });
        var replay = await replayed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.OK, 1, "registry-move-confirmed"), (replayed.StatusCode, replay.GetProperty("moved").GetInt32(), replay.GetProperty("sourceQueue").GetString()));

        using var auditor = registry.Client("auditor");
        await Eventually.True(async () => (await auditor.GetFromJsonAsync<JsonElement>($"/api/registry/households/{household}")).GetProperty("settlementKato").GetString() == destination,
            "the household moved by the replayed message");
        Assert.Equal(0, await Waiting(admin));
        await Eventually.True(async () => await registry.Isolation.QueueDepth(MoveConfirmedErrors) == 0, "the error queue empty, as the broker's management counts");

        var audit = (await OperationsFixture.Audit(auditor)).Where(e => e.GetProperty("target").GetString() == MoveConfirmedErrors).ToList();
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == AuditActions.ErrorQueuePeeked && e.GetProperty("caller").GetString() == "admin");
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == AuditActions.ErrorQueueReplayed
            && e.GetProperty("detail").GetString() == $"1 messages moved to registry-move-confirmed: {messageId}");
        Assert.Contains(audit, e => e.GetProperty("action").GetString() == AuditActions.ErrorQueueReplayed
            && e.GetProperty("detail").GetString()!.StartsWith("0 messages moved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bad_requests_are_refused_with_stable_codes()
    {
        using var admin = registry.Client("admin");
        const string rewind = $"/api/registry/operations/subscriptions/{Forwarder}/rewind";
        using (var none = await admin.PostAsJsonAsync(rewind, new { })) await none.AssertProblem(HttpStatusCode.BadRequest, OperationCodes.RewindPointRequired);
        using (var both = await admin.PostAsJsonAsync(rewind, new { fromSequence = 1, fromTimestamp = DateTimeOffset.UtcNow }))
            await both.AssertProblem(HttpStatusCode.BadRequest, OperationCodes.RewindPointRequired);
        using (var forward = await admin.PostAsJsonAsync(rewind, new { fromSequence = 1_000_000 })) await forward.AssertProblem(HttpStatusCode.BadRequest, OperationCodes.RewindForward);
        using (var zero = await admin.PostAsJsonAsync(rewind, new { fromSequence = 0 })) await zero.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
        using (var future = await admin.PostAsJsonAsync(rewind, new { fromTimestamp = DateTimeOffset.UtcNow.AddYears(1) }))
            await future.AssertProblem(HttpStatusCode.BadRequest, OperationCodes.NothingToRepublish);
        using (var unknown = await admin.PostAsJsonAsync("/api/registry/operations/subscriptions/no-such-thing/rewind", new { fromSequence = 1 }))
            await unknown.AssertProblem(HttpStatusCode.NotFound, OperationCodes.SubscriptionNotFound);
        using (var projection = await admin.PostAsync("/api/registry/operations/projections/no-such-thing/rebuild", null))
            await projection.AssertProblem(HttpStatusCode.NotFound, OperationCodes.ProjectionNotFound);
        using (var forwarder = await admin.PostAsync($"/api/registry/operations/projections/{Forwarder}/rebuild", null))
            await forwarder.AssertProblem(HttpStatusCode.NotFound, OperationCodes.ProjectionNotFound);
        using (var operation = await admin.GetAsync($"/api/registry/operations/{Guid.NewGuid()}")) await operation.AssertProblem(HttpStatusCode.NotFound, OperationCodes.OperationNotFound);
        using (var queue = await admin.GetAsync("/api/registry/operations/error-queues/registry-move-confirmed/messages"))
            await queue.AssertProblem(HttpStatusCode.NotFound, OperationCodes.QueueNotFound);
        using (var other = await admin.PostAsJsonAsync("/api/registry/operations/error-queues/housing-allocation-case-approved_error/replay", new { }))
            await other.AssertProblem(HttpStatusCode.NotFound, OperationCodes.QueueNotFound);
        using (var limit = await admin.GetAsync($"/api/registry/operations/error-queues/{MoveConfirmedErrors}/messages?limit=0"))
            await limit.AssertProblem(HttpStatusCode.BadRequest, "validation.failed");
    }

    [Fact]
    public async Task Only_admins_operate_and_auditors_read_the_audit()
    {
        string[] reads = ["/api/registry/operations/projections", $"/api/registry/operations/{Guid.NewGuid()}", "/api/registry/operations/error-queues",
            $"/api/registry/operations/error-queues/{MoveConfirmedErrors}/messages"];
        string[] writes = ["/api/registry/operations/projections/settlement/rebuild", $"/api/registry/operations/subscriptions/{Forwarder}/rewind",
            $"/api/registry/operations/error-queues/{MoveConfirmedErrors}/replay"];
        foreach (var role in Migration.ServiceDefaults.Auth.Roles.All.Where(r => r != "admin"))
        {
            using var client = registry.Client(role);
            foreach (var path in reads)
                using (var response = await client.GetAsync(path)) await response.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
            foreach (var path in writes)
                using (var response = await client.PostAsJsonAsync(path, new { fromSequence = 1 })) await response.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
            using var audit = await client.GetAsync("/api/registry/operations/audit");
            if (role == "auditor") Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
            else await audit.AssertProblem(HttpStatusCode.Forbidden, "auth.forbidden");
        }

        using var anonymous = new HttpClient { BaseAddress = registry.Service.Address };
        using var refused = await anonymous.GetAsync("/api/registry/operations/projections");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    /// <summary>Messages in the move-confirmed error queue, as the operations API counts them.</summary>
    private static async Task<long> Waiting(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/registry/operations/error-queues")).EnumerateArray()
        .Single(q => q.GetProperty("queue").GetString() == MoveConfirmedErrors).GetProperty("messages").GetInt64();

    private static async Task CertifyAt(HttpClient clerk, string kato)
    {
        using var response = await clerk.PostAsJsonAsync("/api/registry/settlements", new { kato, potentialClass = "high" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>The ids of every event of each settlement's stream (a forwarded event's message id is its event id).</summary>
    private async Task<Dictionary<string, List<Guid>>> EventIds(IReadOnlyList<string> katos)
    {
        await using var database = await registry.Database();
        await using var command = new NpgsqlCommand("select stream_id, id from registry.mt_events where stream_id = any(@katos)", database);
        command.Parameters.AddWithValue("katos", katos.ToArray());
        var ids = katos.ToDictionary(k => k, _ => new List<Guid>());
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) ids[reader.GetString(0)].Add(reader.GetGuid(1));
        return ids;
    }

    private async Task<long> FirstSequence(string kato)
    {
        await using var database = await registry.Database();
        await using var command = new NpgsqlCommand("select min(seq_id) from registry.mt_events where stream_id = @kato", database);
        command.Parameters.AddWithValue("kato", kato);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
