using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Django.ManyToOne;

/// <summary>
/// Django's many_to_one Reporter. <see cref="Editor"/> is RelGen's addition (Django's model has none): a
/// nullable self-reference, so select-related chains (<c>a.Reporter.Editor</c>) and fetch modes copied to
/// loaded objects can be tested on the same data.
/// </summary>
[Model(Table = "m2o_reporter")]
public partial class Reporter
{
    public int Id { get; set; }
    [MaxLength(30)] public string FirstName { get; set; } = "";
    [MaxLength(30)] public string LastName { get; set; } = "";
    [EmailAddress] public string Email { get; set; } = "";

    [ForeignKey(OnDelete = OnDelete.SetNull, RelatedName = "EditedReporters", RelatedQueryName = "EditedReporter")]
    public partial Reporter? Editor { get; set; }

    public override string ToString() => $"{FirstName} {LastName}";
}
