namespace Migration.SubsidyPayment.Banking;

/// <summary>
/// The three ISO 20022 messages the service exchanges with its bank: it sends credit-transfer batches and reads back
/// statements and notifications. A message is recognised by the namespace of its root element, which names the version.
/// </summary>
public enum Iso20022MessageKind
{
    /// <summary>pain.001.001.03, CustomerCreditTransferInitiationV03: a disbursement batch, the service to the bank.</summary>
    Pain001,

    /// <summary>camt.053.001.02, BankToCustomerStatementV02: the end-of-day statement, the bank to the service.</summary>
    Camt053,

    /// <summary>camt.054.001.02, BankToCustomerDebitCreditNotificationV02: a debit or credit notification, the bank to the service.</summary>
    Camt054,
}

/// <summary>Names and namespaces of <see cref="Iso20022MessageKind"/>.</summary>
public static class Iso20022MessageKinds
{
    public const string Pain001Namespace = "urn:iso:std:iso:20022:tech:xsd:pain.001.001.03";
    public const string Camt053Namespace = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02";
    public const string Camt054Namespace = "urn:iso:std:iso:20022:tech:xsd:camt.054.001.02";

    /// <summary>The target namespace of the message's schema, e.g. <c>urn:iso:std:iso:20022:tech:xsd:pain.001.001.03</c>.</summary>
    public static string Namespace(this Iso20022MessageKind kind) => kind switch
    {
        Iso20022MessageKind.Pain001 => Pain001Namespace,
        Iso20022MessageKind.Camt053 => Camt053Namespace,
        Iso20022MessageKind.Camt054 => Camt054Namespace,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an ISO 20022 message this service exchanges."),
    };

    /// <summary>The short name without version, e.g. <c>camt.053</c>, as people and <see cref="BankStatement.Kind"/> say it.</summary>
    public static string ShortName(this Iso20022MessageKind kind) => kind.Namespace()[^15..^7];

    /// <summary>The full name with version, e.g. <c>camt.053.001.02</c>; it is also the schema's file name.</summary>
    public static string FullName(this Iso20022MessageKind kind) => kind.Namespace()[^15..];

    /// <summary>The kind whose namespace is <paramref name="namespaceName"/>; false for any other namespace or version.</summary>
    public static bool TryFromNamespace(string? namespaceName, out Iso20022MessageKind kind)
    {
        switch (namespaceName)
        {
            case Pain001Namespace: kind = Iso20022MessageKind.Pain001; return true;
            case Camt053Namespace: kind = Iso20022MessageKind.Camt053; return true;
            case Camt054Namespace: kind = Iso20022MessageKind.Camt054; return true;
            default: kind = default; return false;
        }
    }
}
