namespace Migration.ServiceDefaults.Messaging;

/// <summary>Headers the program adds to integration events beside MassTransit's own.</summary>
public static class MessageHeaders
{
    public const string CorrelationId = "X-Correlation-Id";
    public const string Caller = "X-Caller";
    public const string EventSequence = "X-Event-Sequence";
}
