namespace Migration.ProgramRun.Scenario;

/// <summary>Kazakh names in their Russian spelling, as rural registries wrote them; invented people, plausible names.</summary>
internal static class Names
{
    public static readonly string[] Surnames =
    [
        "Абенов", "Ахметов", "Бекмуханов", "Жумабаев", "Искаков", "Касымов", "Нурланов", "Оспанов", "Сагындыков", "Сейткалиев",
        "Тулегенов", "Умирбеков", "Шайхин", "Ермеков", "Байжанов", "Кенжебаев", "Мусин", "Рахимов", "Садыков", "Токтаров",
    ];

    public static readonly string[] MaleNames =
    [
        "Ерлан", "Нурлан", "Серик", "Бауыржан", "Даурен", "Асхат", "Мурат", "Арман", "Ержан", "Канат", "Талгат", "Болат", "Айдар", "Мейрам",
    ];

    public static readonly string[] FemaleNames =
    [
        "Айгуль", "Гульнара", "Жанар", "Динара", "Салтанат", "Асель", "Алия", "Меруерт", "Айжан", "Сауле", "Камила", "Гаухар", "Назым", "Ботагоз",
    ];

    public static readonly string[] Occupations =
    [
        "Тракторист", "Механизатор", "Доярка", "Скотник", "Водитель", "Сварщик", "Строитель", "Учитель", "Медсестра", "Повар", "Агроном", "Ветеринар",
    ];

    /// <summary>The female form of a surname or patronymic (Абенов → Абенова, Серикович → Сериковна).</summary>
    public static string Feminine(string surname) => surname.EndsWith("ов", StringComparison.Ordinal) || surname.EndsWith("ев", StringComparison.Ordinal)
        || surname.EndsWith("ин", StringComparison.Ordinal) ? surname + "а" : surname;

    public static string Patronymic(string fatherName, bool female) => fatherName + (female ? "овна" : "ович");
}
