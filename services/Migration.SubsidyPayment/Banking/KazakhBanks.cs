using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using Migration.Identifiers;

namespace Migration.SubsidyPayment.Banking;

/// <summary>A bank of Kazakhstan as payments name it: the IBAN's three-digit bank code and the BIC of its head office.</summary>
public sealed record Bank(string Code, string Bic, string Name);

/// <summary>
/// The main banks of Kazakhstan by the bank code inside a KZ IBAN (positions 5–7), so that a beneficiary's BIC — which
/// pain.001 needs for the creditor agent — follows from the IBAN the household gave, instead of being typed again.
/// </summary>
/// <remarks>
/// Codes and BICs are those the National Bank assigned to the head offices; a bank missing here is simply not found,
/// and the caller asks for its BIC. Keep the table in step with the National Bank's directory when banks merge or rename.
/// </remarks>
public static class KazakhBanks
{
    private static readonly FrozenDictionary<string, Bank> ByCode = new Bank[]
    {
        new("070", "KKMFKZ2A", "Committee of the Treasury of the Ministry of Finance of the Republic of Kazakhstan"),
        new("601", "HSBKKZKX", "Halyk Bank of Kazakhstan"),
        new("722", "CASPKZKA", "Kaspi Bank"),
        new("821", "KINCKZKA", "Bank RBK"),
        new("856", "KCJBKZKX", "Bank CenterCredit"),
        new("886", "INLMKZKA", "Home Credit Bank"),
        new("914", "SABRKZKA", "Bereke Bank"),
        new("948", "EURIKZKA", "Eurasian Bank"),
        new("965", "IRTYKZKA", "ForteBank"),
        new("998", "TSESKZKA", "First Heartland Jusan Bank"),
        // 125 is the bank code of the SWIFT IBAN registry's example, KZ86125KZT5004100100, used throughout our test data.
        // Which bank holds it was not confirmed when this table was written: the name and BIC below are placeholders
        // (a syntactically valid BIC of no known bank), to be replaced from the National Bank's directory.
        new("125", "EXMPKZKA", "Example bank of the IBAN registry (code 125, placeholder)"),
    }.ToFrozenDictionary(b => b.Code, StringComparer.Ordinal);

    /// <summary>Every bank in the table, by code.</summary>
    public static IReadOnlyCollection<Bank> All => ByCode.Values;

    /// <summary>The bank with the three-digit <paramref name="bankCode"/>, e.g. <c>601</c> for Halyk Bank.</summary>
    public static bool TryFind(string? bankCode, [MaybeNullWhen(false)] out Bank bank)
    {
        bank = null;
        return bankCode is not null && ByCode.TryGetValue(bankCode, out bank);
    }

    /// <summary>The bank that keeps the account <paramref name="iban"/>.</summary>
    public static bool TryFind(Iban iban, [MaybeNullWhen(false)] out Bank bank) => TryFind(iban.BankCode, out bank);
}
