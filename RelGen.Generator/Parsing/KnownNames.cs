namespace RelGen.Generator.Parsing;

/// <summary>Metadata names of the attributes the parser reads.</summary>
internal static class KnownNames
{
    public const string Model = "RelGen.ModelAttribute";
    public const string ForeignKey = "RelGen.ForeignKeyAttribute";
    public const string PrimaryKey = "RelGen.PrimaryKeyAttribute";
    public const string Ordering = "RelGen.OrderingAttribute";
    public const string Unique = "RelGen.UniqueAttribute";
    public const string Index = "RelGen.IndexAttribute";
    public const string CheckSql = "RelGen.CheckSqlAttribute";
    public const string DefaultSql = "RelGen.DefaultSqlAttribute";
    public const string MaxLength = "System.ComponentModel.DataAnnotations.MaxLengthAttribute";
    public const string StringLength = "System.ComponentModel.DataAnnotations.StringLengthAttribute";
    public const string Key = "System.ComponentModel.DataAnnotations.KeyAttribute";
    public const string Required = "System.ComponentModel.DataAnnotations.RequiredAttribute";
    public const string EmailAddress = "System.ComponentModel.DataAnnotations.EmailAddressAttribute";
    public const string NotMapped = "System.ComponentModel.DataAnnotations.Schema.NotMappedAttribute";
    public const string SchemaForeignKey = "System.ComponentModel.DataAnnotations.Schema.ForeignKeyAttribute";
    public const string ConcurrencyCheck = "System.ComponentModel.DataAnnotations.ConcurrencyCheckAttribute";
    public const string Table = "System.ComponentModel.DataAnnotations.Schema.TableAttribute";
    public const string Column = "System.ComponentModel.DataAnnotations.Schema.ColumnAttribute";
    public const string DefaultValue = "System.ComponentModel.DefaultValueAttribute";
    public const string IModel = "RelGen.IModel<TSelf>";
    public const string SchemaSnapshot = "RelGen.Metadata.SchemaSnapshotAttribute";
    public const string Json = "RelGen.JsonAttribute";
    public const string Precision = "RelGen.PrecisionAttribute";
}
