using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Migration.Web.Tests;

/// <summary>
/// Every text the screens ask for by a fixed key exists in English, and every English text has its Russian and Kazakh
/// translation: a missing one would show the English key in the middle of a Russian or Kazakh screen. Reads the
/// sources and the resource files, no browser.
/// </summary>
public sealed partial class InterfaceTextsTests
{
    private static readonly string Application = Path.Combine(RepositoryPaths.Root, "web", "Migration.Web");

    [GeneratedRegex("""\bL\["((?:[^"\\]|\\.)+)"[\],]""")]
    private static partial Regex FixedKey();

    /// <summary>The menu's labels (<c>Navigation.cs</c>: <c>new("href", "Label", icon, roles)</c>), which the layout translates.</summary>
    [GeneratedRegex("""new\("[^"]*", "([^"]+)",""")]
    private static partial Regex MenuLabel();

    [Fact]
    public void Every_fixed_key_the_screens_use_has_an_english_text()
    {
        var english = Texts("Strings.resx");
        var used = Directory.EnumerateFiles(Application, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => FixedKey().Matches(File.ReadAllText(f))
                .Concat(Path.GetFileName(f) == "Navigation.cs" ? MenuLabel().Matches(File.ReadAllText(f)) : Enumerable.Empty<Match>())
                .Select(m => (File: Path.GetFileName(f), Key: Regex.Unescape(m.Groups[1].Value))))
            .ToList();
        Assert.True(used.Count > 200, $"only {used.Count} keys found: the pattern no longer matches how the screens ask for texts");
        var missing = used.Where(u => !english.ContainsKey(u.Key)).Select(u => $"{u.File}: {u.Key}").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "keys without an English text:\n" + string.Join('\n', missing));
    }

    [Theory]
    [InlineData("ru")]
    [InlineData("kk")]
    public void Every_english_text_is_translated(string language)
    {
        var english = Texts("Strings.resx");
        var translated = Texts($"Strings.{language}.resx");
        var missing = english.Keys.Where(k => !translated.TryGetValue(k, out var text) || string.IsNullOrWhiteSpace(text)).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, $"texts without a {language} translation:\n" + string.Join('\n', missing));
        var placeholders = english.Where(e => translated.TryGetValue(e.Key, out var t) && Placeholders(e.Value) != Placeholders(t)).Select(e => e.Key).ToList();
        Assert.True(placeholders.Count == 0, $"{language} translations whose {{0}} placeholders differ from English:\n" + string.Join('\n', placeholders));
    }

    private static string Placeholders(string text) => string.Join(',', Regex.Matches(text, @"\{\d+\}").Select(m => m.Value).Order(StringComparer.Ordinal));

    private static Dictionary<string, string> Texts(string file) =>
        XDocument.Load(Path.Combine(Application, "Resources", file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? "", StringComparer.Ordinal);
}
