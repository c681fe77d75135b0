namespace RelGen.Stress.Workload;

/// <summary>The stress tables, the model each holds, and the key column pointing at each one's parent in the trees.</summary>
internal static class Tables
{
    public const string Crate = "stress_crate";
    public const string Item = "stress_item";
    public const string Part = "stress_part";
    public const string Note = "stress_note";
    public const string Sticker = "stress_sticker";
    public const string Depot = "stress_depot";
    public const string Bin = "stress_bin";
    public const string Widget = "stress_widget";
    public const string Permit = "stress_permit";
    public const string Seal = "stress_seal";
    public const string Tally = "stress_tally";

    /// <summary>Table → (model class name, parent key column or null).</summary>
    public static IReadOnlyDictionary<string, (string Model, string? ParentColumn)> All { get; } = new Dictionary<string, (string, string?)>
    {
        [Crate] = ("Crate", null),
        [Item] = ("Item", "crate_id"),
        [Part] = ("Part", "item_id"),
        [Note] = ("Note", "item_id"),
        [Sticker] = ("Sticker", "crate_id"),
        [Depot] = ("Depot", null),
        [Bin] = ("Bin", "depot_id"),
        [Widget] = ("Widget", "bin_id"),
        [Permit] = ("Permit", "depot_id"),
        [Seal] = ("Seal", "bin_id"),
        [Tally] = ("Tally", "widget_id"),
    };

    /// <summary>Child table → parent table, for the rows a cascade must take with their parent.</summary>
    public static IReadOnlyDictionary<string, string> CascadeParent { get; } = new Dictionary<string, string>
    {
        [Item] = Crate,
        [Part] = Item,
        [Bin] = Depot,
        [Widget] = Bin,
    };

    public static string OfModel(string model) => All.First(t => t.Value.Model == model).Key;
}
