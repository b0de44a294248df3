namespace Migration.Web;

/// <summary>The interface's texts: <c>Resources/Strings.resx</c> (English), <c>.ru.resx</c> and <c>.kk.resx</c>.</summary>
public sealed class Strings;
