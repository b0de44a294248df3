namespace Migration.ServiceDefaults.Messaging;

/// <summary>
/// The inbox: "message <see cref="MessageId"/> was handled by consumer <see cref="Consumer"/>", stored in the same
/// transaction as the consumer's effects. Its id is unique, so a second delivery cannot commit twice.
/// </summary>
public sealed record HandledMessage(string Id, string Consumer, Guid MessageId, string MessageType, DateTimeOffset HandledAt)
{
    public static string KeyOf(string consumer, Guid messageId) => $"{consumer}/{messageId:N}";
}
