using MudBlazor;

namespace Migration.Web.Components.Layout;

/// <summary>The colours: dark enough on white (and white on them) for WCAG AA contrast, which MudBlazor's defaults are not for every colour.</summary>
public static class Theme
{
    public static readonly MudTheme Program = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0B4F8A",
            Secondary = "#6A1B9A",
            Tertiary = "#00695C",
            Info = "#0D47A1",
            Success = "#1B5E20",
            Warning = "#8A4B00",
            Error = "#B00020",
            AppbarBackground = "#0B4F8A",
            TextSecondary = "rgba(0,0,0,0.68)",
        },
    };
}
