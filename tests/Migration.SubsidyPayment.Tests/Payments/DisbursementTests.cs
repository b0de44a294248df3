using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Migration.Identifiers;
using Migration.SubsidyPayment.Banking;
using Migration.SimulatedBank;
using PaymentContracts = Migration.Contracts.SubsidyPayment;

namespace Migration.SubsidyPayment.Tests.Payments;

/// <summary>Batches, pain.001 files per bank, and camt statements through the running service.</summary>
[Collection(SubsidyPaymentRun.Name)]
public sealed class DisbursementTests(SubsidyPaymentFixture service)
{
    private readonly PaymentDesk _desk = new(service);

    [Fact]
    public async Task A_batch_exports_one_valid_file_per_bank_and_a_statement_imported_twice_pays_and_returns_once()
    {
        var line = await _desk.BudgetLine(5_000_000m, oblast: "39");
        var first = PaymentDesk.Approved([PaymentDesk.Member("head", 1971, Sex.Male), PaymentDesk.Member("spouse", 1973, Sex.Female)], destinationOblast: "39");
        var second = PaymentDesk.Approved([PaymentDesk.Member("head", 1982, Sex.Female)], destinationOblast: "39");
        var approved = (await _desk.ApprovedBeforeMove(first, line, bankCode: "601")).Concat(await _desk.ApprovedBeforeMove(second, line, bankCode: "722")).ToList();

        using var created = await _desk.Officer().PostAsJsonAsync("/api/payments/batches", new { executionDate = "2006-04-30", oblast = "39" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var batch = await created.Content.ReadFromJsonAsync<JsonElement>();
        var batchId = batch.GetProperty("id").GetGuid();
        var files = batch.GetProperty("files").EnumerateArray().ToList();
        var bics = files.Select(f => f.GetProperty("bic").GetString()).ToList();
        var painFiles = new List<byte[]>();
        foreach (var bic in bics) painFiles.Add(await _desk.Officer().GetByteArrayAsync($"/api/payments/batches/{batchId}/files/{bic}"));
        var summaries = painFiles.Select(f => CreditTransferFile.Summarise(SafeXml.Load(f))).ToList();

        Assert.Equal(5, approved.Count);   // per household: a subsidy per member and the first rent instalment
        Assert.Equal(["CASPKZKA", "HSBKKZKX"], bics);
        Assert.All(painFiles, f => Assert.Empty(Iso20022Schemas.Validate(SafeXml.Load(f))));
        Assert.Equal(approved.Sum(p => p.GetProperty("amountKzt").GetDecimal()), summaries.Sum(s => s.ControlSum));
        Assert.Equal(batch.GetProperty("controlSumKzt").GetDecimal(), summaries.Sum(s => s.ControlSum));
        Assert.Equal(5, summaries.Sum(s => s.NumberOfTransactions));
        Assert.Equal(approved.Select(p => PaymentDesk.Id(p).ToString("N")).Order(), summaries.SelectMany(s => s.Transfers).Select(t => t.EndToEndId).Order());
        Assert.Equal(painFiles[0], await _desk.Officer().GetByteArrayAsync($"/api/payments/batches/{batchId}/files/{bics[0]}"));

        using var sent = await PaymentDesk.Post(_desk.Officer(), $"/api/payments/batches/{batchId}/sent", new { }, batch.GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var returnedId = PaymentDesk.Id(approved[0]).ToString("N");
        var statement = Merge(
            BankSimulator.Receive(painFiles[1]).Return(returnedId, "AC04", "Account closed").AddUnmatched("0123456789abcdef0123456789abcdef", 5_000m).Statement("STMT-39-1"),
            BankSimulator.Receive(painFiles[0]).Statement("STMT-39-1"));

        var firstImport = await Import(statement);
        var linesAfterFirst = await _desk.Line(line);
        var secondImport = await Import(statement);
        var linesAfterSecond = await _desk.Line(line);

        Assert.Equal(HttpStatusCode.Created, firstImport.Status);
        Assert.Equal(HttpStatusCode.OK, secondImport.Status);
        Assert.Equal(firstImport.Body.ToString(), secondImport.Body.ToString());
        Assert.Equal(5, firstImport.Body.GetProperty("paid").GetArrayLength());   // the returned one was booked, then came back
        Assert.Equal([returnedId], firstImport.Body.GetProperty("returned").EnumerateArray().Select(r => r.GetProperty("endToEndId").GetString()));
        Assert.Equal(["0123456789abcdef0123456789abcdef"], firstImport.Body.GetProperty("unmatched").EnumerateArray().Select(u => u.GetProperty("endToEndId").GetString()));
        Assert.Equal(0, firstImport.Body.GetProperty("flaggedBatches").GetArrayLength());
        Assert.Equal(linesAfterFirst.ToString(), linesAfterSecond.ToString());
        var returnedAmount = approved[0].GetProperty("amountKzt").GetDecimal();
        var total = approved.Sum(p => p.GetProperty("amountKzt").GetDecimal());
        Assert.Equal((0m, total - returnedAmount), (linesAfterFirst.GetProperty("committedKzt").GetDecimal(), linesAfterFirst.GetProperty("spentKzt").GetDecimal()));
        Assert.Equal("returned", PaymentDesk.Status(await _desk.Payment(PaymentDesk.Id(approved[0]))));
        Assert.All(approved.Skip(1), p => Assert.Equal("paid", PaymentDesk.Status(_desk.Payment(PaymentDesk.Id(p)).GetAwaiter().GetResult())));
        var reconciled = await _desk.Officer().GetFromJsonAsync<JsonElement>($"/api/payments/batches/{batchId}");
        Assert.Equal(("reconciled", false), (reconciled.GetProperty("status").GetString(), reconciled.GetProperty("flagged").GetBoolean()));
        var ledger = await _desk.Officer().GetFromJsonAsync<JsonElement>($"/api/payments/households/{first.HouseholdId}/ledger");
        Assert.Equal(returnedAmount, ledger.GetProperty("total").GetProperty("returned").GetDecimal());
        await Eventually.True(() => service.Published.OfType<PaymentContracts.PaymentPaid>().Count(p => p.CaseId == first.CaseId || p.CaseId == second.CaseId) == 5, "PaymentPaid");
        await Eventually.True(() => service.Published.OfType<PaymentContracts.PaymentReturned>().Any(p => p.PaymentId == PaymentDesk.Id(approved[0]) && p.ReasonCode == "AC04"),
            "PaymentReturned");
    }

    [Fact]
    public async Task A_statement_whose_batch_total_differs_from_the_control_sum_flags_the_batch()
    {
        var line = await _desk.BudgetLine(5_000_000m, oblast: "55");
        var approvedCase = PaymentDesk.Approved([PaymentDesk.Member("head", 1964, Sex.Male)], destinationOblast: "55");
        await _desk.ApprovedBeforeMove(approvedCase, line);
        using var created = await _desk.Officer().PostAsJsonAsync("/api/payments/batches", new { executionDate = "2006-04-30", oblast = "55" });
        var batch = await created.Content.ReadFromJsonAsync<JsonElement>();
        var batchId = batch.GetProperty("id").GetGuid();
        var pain = await _desk.Officer().GetByteArrayAsync($"/api/payments/batches/{batchId}/files/HSBKKZKX");

        var notification = BankSimulator.Receive(pain).TamperBatchTotal(1_000_000m).Notification("NTF-55-1");
        var imported = await Import(notification);
        using var nothingLeft = await _desk.Officer().PostAsJsonAsync("/api/payments/batches", new { executionDate = "2006-04-30", oblast = "55" });

        Assert.Equal(HttpStatusCode.Created, imported.Status);
        Assert.Equal("camt.054", imported.Body.GetProperty("kind").GetString());
        var flag = imported.Body.GetProperty("flaggedBatches").EnumerateArray().Single();
        Assert.Equal((batchId, 1_000_000m), (flag.GetProperty("batchId").GetGuid(), flag.GetProperty("reportedKzt").GetDecimal()));
        var flagged = await _desk.Officer().GetFromJsonAsync<JsonElement>($"/api/payments/batches/{batchId}");
        Assert.True(flagged.GetProperty("flagged").GetBoolean());
        Assert.Equal(batch.GetProperty("controlSumKzt").GetDecimal(), flagged.GetProperty("discrepancies")[0].GetProperty("controlSumKzt").GetDecimal());
        await nothingLeft.AssertProblem(HttpStatusCode.Conflict, "batch.nothing-to-pay");
    }

    [Fact]
    public async Task A_returned_payment_is_reissued_once_to_the_corrected_account_and_paid()
    {
        var line = await _desk.BudgetLine(5_000_000m, oblast: "63");
        var approved = PaymentDesk.Approved([PaymentDesk.Member("head", 1976, Sex.Female)], destinationOblast: "63");
        var payments = await _desk.ApprovedBeforeMove(approved, line);
        var subsidy = payments.Single(p => p.GetProperty("benefit").GetString() == "relocation-subsidy");
        var returnedId = PaymentDesk.Id(subsidy);
        await Paid((await Bank(await Batch("63"))).Return(returnedId.ToString("N"), "AC04", "Account closed"), "STMT-63-1");

        var account = await _desk.Officer().GetAsync(new Uri($"/api/payments/households/{approved.HouseholdId}/account", UriKind.Relative));
        using var correct = new HttpRequestMessage(HttpMethod.Put, $"/api/payments/households/{approved.HouseholdId}/account")
        {
            Content = JsonContent.Create(new { iban = Iban.Create("722", "0000007654321").Value, holderName = "Абенова Гульнара" }),
        };
        correct.Headers.IfMatch.Add(account.Headers.ETag!);
        using var corrected = await _desk.Officer().SendAsync(correct);
        using var reissued = await _desk.Step(_desk.Officer(), returnedId, "reissue", new { reason = "account closed; the family gave its new account" });
        using var twice = await _desk.Step(_desk.Officer(), returnedId, "reissue", new { reason = "again" });
        var replacement = await reissued.Content.ReadFromJsonAsync<JsonElement>();
        var replacementId = PaymentDesk.Id(replacement);
        await _desk.Verified(replacementId, line);
        await _desk.Approved(replacementId, "approver-of-tests");
        var batch = await Batch("63");
        await Paid(await Bank(batch), "STMT-63-2");

        Assert.Equal(HttpStatusCode.OK, corrected.StatusCode);
        Assert.Equal(HttpStatusCode.Created, reissued.StatusCode);
        Assert.Equal(("calculated", subsidy.GetProperty("amountKzt").GetDecimal()), (PaymentDesk.Status(replacement), replacement.GetProperty("amountKzt").GetDecimal()));
        Assert.StartsWith($"reissue of {returnedId}", replacement.GetProperty("formula").GetString(), StringComparison.Ordinal);
        await twice.AssertProblem(HttpStatusCode.Conflict, "payment.already-reissued");
        Assert.Equal(["CASPKZKA"], batch.GetProperty("files").EnumerateArray().Select(f => f.GetProperty("bic").GetString()));
        Assert.Equal([replacementId], batch.GetProperty("files")[0].GetProperty("payments").EnumerateArray().Select(p => p.GetProperty("paymentId").GetGuid()));
        Assert.Equal("paid", PaymentDesk.Status(await _desk.Payment(replacementId)));
        Assert.Equal(replacementId, (await _desk.Payment(returnedId)).GetProperty("reissuedAs").GetGuid());
        var ledger = await _desk.Officer().GetFromJsonAsync<JsonElement>($"/api/payments/households/{approved.HouseholdId}/ledger");
        var total = ledger.GetProperty("total");
        Assert.Equal(payments.Sum(p => p.GetProperty("amountKzt").GetDecimal()), total.GetProperty("paid").GetDecimal());
        Assert.Equal(subsidy.GetProperty("amountKzt").GetDecimal(), total.GetProperty("returned").GetDecimal());
    }

    /// <summary>A batch of the approved payments of <paramref name="oblast"/>, sent.</summary>
    private async Task<JsonElement> Batch(string oblast)
    {
        using var created = await _desk.Officer().PostAsJsonAsync("/api/payments/batches", new { executionDate = "2006-04-30", oblast });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var batch = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var sent = await PaymentDesk.Post(_desk.Officer(), $"/api/payments/batches/{batch.GetProperty("id").GetGuid()}/sent", new { }, batch.GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        return batch;
    }

    /// <summary>The bank's answer to the batch's one file: every transfer paid unless the test says otherwise.</summary>
    private async Task<BankSimulator> Bank(JsonElement batch) =>
        BankSimulator.Receive(await _desk.Officer().GetByteArrayAsync(
            $"/api/payments/batches/{batch.GetProperty("id").GetGuid()}/files/{batch.GetProperty("files")[0].GetProperty("bic").GetString()}"));

    private async Task Paid(BankSimulator bank, string statementId) =>
        Assert.Equal(HttpStatusCode.Created, (await Import(bank.Statement(statementId))).Status);

    [Fact]
    public async Task A_statement_that_does_not_validate_is_refused_whole()
    {
        var invalid = new XDocument(new XElement(XName.Get("Document", "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"), new XElement(XName.Get("Nonsense", "urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"))));
        var refused = await Import(invalid);
        using var notXml = await _desk.Officer().PostAsync("/api/payments/statements", new ByteArrayContent("hello"u8.ToArray()));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Equal("statement.invalid", refused.Body.GetProperty("code").GetString());
        Assert.NotEmpty(refused.Body.GetProperty("errors").EnumerateArray());
        await notXml.AssertProblem(HttpStatusCode.BadRequest, "statement.invalid");
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> Import(XDocument statement)
    {
        using var content = new ByteArrayContent(BankSimulator.ToUtf8(statement));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/xml");
        using var response = await _desk.Officer().PostAsync("/api/payments/statements", content);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
    }

    /// <summary>One statement with the entries of two (the banks' answers for both files of a batch, as one account's statement).</summary>
    private static XDocument Merge(XDocument into, XDocument from)
    {
        var ns = into.Root!.Name.Namespace;
        var statement = into.Descendants(ns + "Stmt").Single();
        statement.Add(from.Descendants(ns + "Ntry"));
        return into;
    }
}
