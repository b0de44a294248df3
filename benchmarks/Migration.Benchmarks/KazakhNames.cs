namespace Migration.Benchmarks;

/// <summary>Kazakh and Russian names, with their female surname forms and patronymics of both traditions.</summary>
public static class KazakhNames
{
    private static readonly string[] KazakhSurnames =
    [
        "Абенов", "Серикбаев", "Нурланов", "Жумабаев", "Касымов", "Омаров", "Ахметов", "Тулегенов", "Сагинтаев", "Есенов", "Мукашев", "Байжанов",
        "Искаков", "Токтаров", "Жақсылықов", "Бекмұхамбетов", "Әбдірахманов", "Қасенов", "Оспанов", "Рахимов",
    ];

    private static readonly string[] RussianSurnames = ["Иванов", "Петров", "Смирнов", "Кузнецов", "Попов", "Васильев", "Соколов", "Ким", "Шевченко", "Цой"];

    private static readonly string[] KazakhMen = ["Ерлан", "Нурлан", "Асхат", "Данияр", "Бауыржан", "Арман", "Серик", "Марат", "Ержан", "Талгат", "Қайрат", "Әлихан", "Нұрсұлтан", "Ғалым"];

    private static readonly string[] KazakhWomen = ["Айгүл", "Гульнар", "Жанар", "Сауле", "Дана", "Алия", "Айым", "Мадина", "Әсел", "Жұлдыз", "Гүлнұр", "Ақерке"];

    private static readonly string[] RussianMen = ["Александр", "Сергей", "Дмитрий", "Андрей", "Виктор", "Николай", "Павел", "Игорь"];

    private static readonly string[] RussianWomen = ["Елена", "Ольга", "Наталья", "Татьяна", "Мария", "Ирина", "Светлана", "Анна"];

    public static (string Surname, bool Kazakh) Family(Random random) =>
        random.Next(100) < 75 ? (Pick(random, KazakhSurnames), true) : (Pick(random, RussianSurnames), false);

    public static string FirstName(Random random, bool kazakh, bool male) =>
        Pick(random, kazakh ? male ? KazakhMen : KazakhWomen : male ? RussianMen : RussianWomen);

    public static string FatherName(Random random, bool kazakh) => Pick(random, kazakh ? KazakhMen : RussianMen);

    /// <summary>Абенов → Абенова; names without a gendered ending stay as they are (Ким, Шевченко).</summary>
    public static string Surname(string surname, bool male) =>
        male || !(surname.EndsWith("ов", StringComparison.Ordinal) || surname.EndsWith("ев", StringComparison.Ordinal) || surname.EndsWith("ин", StringComparison.Ordinal))
            ? surname
            : surname + "а";

    /// <summary>Ерланұлы / Ерланқызы in the Kazakh tradition, Сергеевич / Сергеевна in the Russian one.</summary>
    public static string Patronymic(string father, bool kazakh, bool male) => kazakh
        ? father + (male ? "ұлы" : "қызы")
        : father.EndsWith('й') ? father[..^1] + (male ? "евич" : "евна") : father + (male ? "ович" : "овна");

    private static string Pick(Random random, string[] names) => names[random.Next(names.Length)];
}
