using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Migration.Web.Tests;

/// <summary>
/// English by default; a staff member switches to Russian or Kazakh, and texts, amounts (KZT with the language's
/// thousands separators) and the page's language follow, also on the next page.
/// </summary>
[Collection(WebRun.Name)]
public sealed class InterfaceLanguageTests(WebFixture web)
{
    [Fact]
    public async Task A_finance_officer_reads_budgets_in_english_russian_and_kazakh()
    {
        await new Programme(web.System).BudgetLine("39", 12_345_678.9m);
        await using var finance = await StaffSession.LogIn(web, "finance-officer");
        var page = finance.Page;
        await Expect(page.Locator("[data-loaded=true]")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("budget-execution")).ToBeVisibleAsync();
        await finance.Check("dashboard-finance");

        await finance.Open("budgets");
        var line = page.Locator("[data-testid=budget-lines] tr", new() { HasText = "12,345,678.90" });
        await Expect(line).ToContainTextAsync("republican budget");
        await finance.Check("budgets");

        await page.GetByRole(AriaRole.Button, new() { Name = "Русский" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Бюджетные строки", Level = 1 })).ToBeVisibleAsync();
        await finance.Interactive();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ru");
        await Expect(page.Locator("[data-testid=budget-lines] tr", new() { HasText = "12\u00A0345\u00A0678,90\u00A0₸" })).ToContainTextAsync("республиканский бюджет");
        await finance.Check("budgets-ru");

        await finance.Open("payments/verification");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Выплаты на проверку", Level = 1 })).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Қазақша" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Тексеруге арналған төлемдер", Level = 1 })).ToBeVisibleAsync();
        await finance.Interactive();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "kk");
        await finance.Check("payment-verification-kk");
    }
}
