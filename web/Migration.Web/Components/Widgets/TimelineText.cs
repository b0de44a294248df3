using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;
using Migration.Web.Gateway.Models;
using Migration.Web.Localization;

namespace Migration.Web.Components.Widgets;

/// <summary>A line of a case's timeline as a person reads it: what happened in their language, and its reason, note or amount.</summary>
public static class TimelineText
{
    /// <summary>The event's label (<c>event:case-rejected</c>), or its stable name when the interface has no text for it.</summary>
    public static string What(IStringLocalizer localizer, TimelineEntry entry)
    {
        var text = localizer[$"event:{entry.What}"];
        return text.ResourceNotFound ? entry.What : text.Value;
    }

    /// <summary>What the event says beyond its name: a reason, a note's text, the new caseworker, the destination, an amount.</summary>
    public static string Details(TimelineEntry entry)
    {
        if (entry.Details is not { ValueKind: JsonValueKind.Object } details) return "";
        string? Text(string name) => details.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var parts = new List<string?>
        {
            Text("destinationName"),
            Text("to") is { } to ? $"→ {to}" : null,
            Text("reason"),
            Text("text"),
            details.TryGetProperty("amountKzt", out var amount) && amount.ValueKind == JsonValueKind.Number ? Formats.Kzt(amount.GetDecimal()) : null,
            details.TryGetProperty("arrivedOn", out var arrived) && arrived.ValueKind == JsonValueKind.String && DateOnly.TryParse(arrived.GetString(), CultureInfo.InvariantCulture, out var on) ? Formats.Date(on) : null,
        };
        return string.Join(" · ", parts.Where(p => !string.IsNullOrWhiteSpace(p)));
    }
}
