using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using Migration.Identifiers;
using static Microsoft.Playwright.Assertions;

namespace Migration.Web.Tests;

/// <summary>
/// The other roles' main screens open, show the program's data and pass axe: the registry clerk's settlements and a
/// household import with its progress and refused rows, the housing officer's stock (and the logout), and the finance
/// officer's bank files and statements.
/// </summary>
[Collection(WebRun.Name)]
public sealed class StaffScreensTests(WebFixture web)
{
    [Fact]
    public async Task A_registry_clerk_imports_households_and_sees_the_refused_rows()
    {
        var origin = RealSettlements.Next("59");
        using (var clerkApi = await web.System.Client("registry-clerk"))
        {
            using var certified = await clerkApi.PostAsync(new Uri("/api/registry/settlements", UriKind.Relative),
                System.Net.Http.Json.JsonContent.Create(new { kato = origin.Code, potentialClass = "low" }));
            Assert.Equal(System.Net.HttpStatusCode.Created, certified.StatusCode);
        }

        await using var clerk = await StaffSession.LogIn(web, "registry-clerk");
        await clerk.Open("registry/settlements");
        await clerk.Page.GetByLabel("Oblast (KATO)").FillAsync("59");
        await clerk.Page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Expect(clerk.Page.GetByTestId("settlements")).ToContainTextAsync(origin.Code);
        await clerk.Check("settlements");

        await clerk.Open("registry/imports");
        var file = Path.Combine(Path.GetTempPath(), $"households-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(file, HouseholdsFile(origin.Code), Encoding.UTF8);
        await clerk.Page.GetByLabel("CSV file").SetInputFilesAsync(file);
        var job = clerk.Page.GetByTestId("import-job");
        await Expect(job.Locator("[data-status=completed]")).ToBeVisibleAsync();
        await Expect(job).ToContainTextAsync("iin.check-digit");
        await clerk.Check("import");
        File.Delete(file);
    }

    [Fact]
    public async Task Housing_and_bank_screens_open_for_their_roles()
    {
        await using (var housing = await StaffSession.LogIn(web, "housing-officer"))
        {
            await housing.Open("housing");
            await Expect(housing.Page.GetByTestId("units")).ToBeVisibleAsync();
            await housing.Check("housing");

            // Logging out ends the session at the identity service too: the application asks for the password again.
            await housing.Page.GetByRole(AriaRole.Button, new() { Name = "Log out" }).ClickAsync();
            await housing.Page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
            await housing.Page.GotoAsync(web.App.ToString());
            await housing.Page.WaitForURLAsync(url => url.Contains("/account/login", StringComparison.Ordinal));
        }

        await using var finance = await StaffSession.LogIn(web, "finance-officer");
        await finance.Open("payments/batches");
        await Expect(finance.Page.GetByRole(AriaRole.Button, new() { Name = "Create batch" })).ToBeVisibleAsync();
        await finance.Check("batches");
        await finance.Open("payments/statements");
        await Expect(finance.Page.GetByLabel("Statement file (XML)")).ToBeVisibleAsync();
        await finance.Check("statements");
    }

    /// <summary>One good household of two, and one whose only person has an IIN with a wrong check digit.</summary>
    private static string HouseholdsFile(string settlement)
    {
        var head = People.NextIin(new DateOnly(1970, 1, 5), Sex.Male).Value;
        var spouse = People.NextIin(new DateOnly(1972, 2, 6), Sex.Female).Value;
        var wrong = People.NextIin(new DateOnly(1990, 3, 7), Sex.Male).Value;
        wrong = wrong[..11] + ((wrong[11] - '0' + 1) % 10).ToString(CultureInfo.InvariantCulture);
        return string.Join('\n',
            "householdRef;settlementKato;iin;lastName;firstName;patronymic;birthDate;sex;relationship;employment;occupation;disability;phone;address",
            $"h1;{settlement};{head};Омаров;Нурлан;;1970-01-05;male;head;employed;driver;;;",
            $"h1;{settlement};{spouse};Омарова;Гульнар;;1972-02-06;female;spouse;employed;teacher;;;",
            $"h2;{settlement};{wrong};Касымов;Арман;;1990-03-07;male;head;employed;driver;;;") + "\n";
    }
}
