using System.ComponentModel.DataAnnotations;

namespace RelGen.Tests.Replicas.Models;

/// <summary>
/// Read through a view the replica tests put in place of this model's table: each author with <c>pg_is_in_recovery()</c> of the
/// server that answered, so a test sees which server served a read.
/// </summary>
[Model(Table = "rep_probe")]
public partial class ShelfProbe
{
    /// <summary>The view that replaces the table: <c>OnStandby</c> is true when a standby answered.</summary>
    public const string ViewSql = "DROP TABLE IF EXISTS rep_probe; CREATE VIEW rep_probe AS SELECT id, name, pg_is_in_recovery() AS on_standby FROM rep_author";

    public int Id { get; set; }
    [MaxLength(40)] public string Name { get; set; } = "";
    public bool OnStandby { get; set; }
    public override string ToString() => $"{Name} ({(OnStandby ? "standby" : "primary")})";
}
