using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Models.Citus;

/// <summary>A Citus reference table. Its table name has capitals, so every Citus call must quote it as an identifier.</summary>
[Model(Table = "cit_Land"), ReferenceTable]
public partial class CitusLand
{
    public long Id { get; set; }
    [MaxLength(40)] public string Name { get; set; } = "";
}
