using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace Migration.ServiceDefaults.Operations;

/// <summary>One message waiting in an error queue, as MassTransit left it there: the message and why it failed.</summary>
/// <param name="MessageId">The message's id (for a forwarded event, the event's id).</param>
/// <param name="MessageType">The contract, e.g. <c>Migration.Contracts.RelocationCase:MoveConfirmed</c>.</param>
/// <param name="FaultedAt">When the last attempt failed.</param>
/// <param name="Consumer">The consumer that failed.</param>
/// <param name="ExceptionType">The exception of the last attempt.</param>
/// <param name="Reason">Its message.</param>
/// <param name="StackTrace">The first lines of its stack trace.</param>
/// <param name="Message">The message itself (the envelope's <c>message</c>).</param>
public sealed record ErrorQueueMessage(
    Guid? MessageId, string? MessageType, string? FaultedAt, string? Consumer, string? ExceptionType, string? Reason,
    IReadOnlyList<string> StackTrace, JsonElement? Message)
{
    private const int StackTraceLines = 5;

    public static ErrorQueueMessage From(IReadOnlyBasicProperties properties, ReadOnlyMemory<byte> body)
    {
        var headers = properties.Headers ?? new Dictionary<string, object?>();
        JsonElement? message = null;
        string? type = null;
        Guid? id = Guid.TryParse(properties.MessageId, out var parsed) ? parsed : null;
        try
        {
            using var envelope = JsonDocument.Parse(body);
            var root = envelope.RootElement;
            if (root.TryGetProperty("message", out var inner)) message = inner.Clone();
            if (root.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0)
                type = types[0].GetString()?.Replace("urn:message:", "", StringComparison.Ordinal);
            if (id is null && root.TryGetProperty("messageId", out var envelopeId) && Guid.TryParse(envelopeId.GetString(), out var fromEnvelope)) id = fromEnvelope;
        }
        catch (JsonException)
        {
            // Not a MassTransit JSON envelope: shown without its body.
        }

        var stack = Text(headers, "MT-Fault-StackTrace")?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
        return new ErrorQueueMessage(id, type, Text(headers, "MT-Fault-Timestamp"), Text(headers, "MT-Fault-ConsumerType"),
            Text(headers, "MT-Fault-ExceptionType"), Text(headers, "MT-Fault-Message"), [.. stack.Take(StackTraceLines)], message);
    }

    /// <summary>A header's value as text (AMQP strings arrive as bytes).</summary>
    public static string? Text(IDictionary<string, object?> headers, string name) => headers.TryGetValue(name, out var value) ? value switch
    {
        null => null,
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        AmqpTimestamp timestamp => DateTimeOffset.FromUnixTimeSeconds(timestamp.UnixTime).ToString("O"),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    } : null;
}
