using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Django.ManyToOne;

/// <summary>A parent whose key is a string the application assigns.</summary>
[Model(Table = "m2o_parent_string_pk")]
public partial class ParentStringPrimaryKey
{
    [PrimaryKey, MaxLength(15)] public string Name { get; set; } = "";
    public override string ToString() => Name;
}
