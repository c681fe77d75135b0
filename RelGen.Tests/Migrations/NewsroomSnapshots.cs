using RelGen.Schema.Diff;
using RelGen.Schema.Snapshots;

namespace RelGen.Tests.Migrations;

/// <summary>
/// A newsroom schema through eight versions; each step exercises some of the differ's operations, and the
/// integration tests apply and roll back every step on a real database.
/// </summary>
public static class NewsroomSnapshots
{
    static ColumnSnapshot Id() => new("id", "integer", nullable: false, identity: true);

    static PrimaryKeySnapshot Key(string table) => new($"{table}_pkey", ["id"]);

    /// <summary>Tables, keys, a foreign key, its index, a unique and a check constraint.</summary>
    public static SchemaSnapshot V1 { get; } = new([
        new TableSnapshot("reporter",
            [Id(), new("first_name", "varchar(30)", false), new("email", "varchar(100)", false)],
            Key("reporter"),
            uniqueConstraints: [new("reporter_email_key", ["email"])],
            checkConstraints: [new("reporter_first_name_check", "first_name <> ''")]),
        new TableSnapshot("article",
            [Id(), new("headline", "varchar(100)", false), new("reporter_id", "integer", false)],
            Key("article"),
            foreignKeys: [new("article_reporter_id_fkey", ["reporter_id"], "reporter", ["id"])],
            indexes: [new("article_reporter_id_idx", ["reporter_id"])]),
    ]);

    /// <summary>Added columns: NOT NULL without default (existing rows get ''), nullable, NOT NULL with a default.</summary>
    public static SchemaSnapshot V2 { get; } = new([
        new TableSnapshot("reporter",
            [Id(), new("first_name", "varchar(30)", false), new("email", "varchar(100)", false), new("last_name", "varchar(30)", false)],
            Key("reporter"),
            uniqueConstraints: [new("reporter_email_key", ["email"])],
            checkConstraints: [new("reporter_first_name_check", "first_name <> ''")]),
        new TableSnapshot("article",
            [Id(), new("headline", "varchar(100)", false), new("reporter_id", "integer", false),
             new("pub_date", "date", true), new("rating", "integer", false, defaultSql: "0")],
            Key("article"),
            foreignKeys: [new("article_reporter_id_fkey", ["reporter_id"], "reporter", ["id"])],
            indexes: [new("article_reporter_id_idx", ["reporter_id"])]),
    ]);

    /// <summary>Altered columns: a longer varchar, integer to bigint with a new default, nullable to NOT NULL and back, a default added.</summary>
    public static SchemaSnapshot V3 { get; } = new([
        new TableSnapshot("reporter",
            [Id(), new("first_name", "varchar(30)", false), new("email", "varchar(100)", false, defaultSql: "''"), new("last_name", "varchar(30)", true)],
            Key("reporter"),
            uniqueConstraints: [new("reporter_email_key", ["email"])],
            checkConstraints: [new("reporter_first_name_check", "first_name <> ''")]),
        new TableSnapshot("article",
            [Id(), new("headline", "varchar(200)", false), new("reporter_id", "integer", false),
             new("pub_date", "date", false), new("rating", "bigint", false, defaultSql: "5")],
            Key("article"),
            foreignKeys: [new("article_reporter_id_fkey", ["reporter_id"], "reporter", ["id"])],
            indexes: [new("article_reporter_id_idx", ["reporter_id"])]),
    ]);

    /// <summary>
    /// Constraints and indexes: the foreign key's rule becomes CASCADE, a nullable foreign key with SET NULL is added,
    /// a composite and a unique index are added, the unique and check constraints of reporter are dropped, a check is added.
    /// </summary>
    public static SchemaSnapshot V4 { get; } = new([
        new TableSnapshot("reporter",
            [Id(), new("first_name", "varchar(30)", false), new("email", "varchar(100)", false, defaultSql: "''"), new("last_name", "varchar(30)", true)],
            Key("reporter"),
            indexes: [new("reporter_last_name_first_name_idx", ["last_name", "first_name"]), new("reporter_email_uniq", ["email"], unique: true)]),
        new TableSnapshot("article",
            [Id(), new("headline", "varchar(200)", false), new("reporter_id", "integer", false),
             new("pub_date", "date", false), new("rating", "bigint", false, defaultSql: "5"), new("editor_id", "integer", true)],
            Key("article"),
            foreignKeys: [
                new("article_reporter_id_fkey", ["reporter_id"], "reporter", ["id"], OnDeleteRules.Cascade),
                new("article_editor_id_fkey", ["editor_id"], "reporter", ["id"], OnDeleteRules.SetNull)],
            indexes: [new("article_reporter_id_idx", ["reporter_id"])],
            checkConstraints: [new("article_rating_check", "rating >= 0")]),
    ]);

    /// <summary>Drops: a column with its data, a foreign key (the column stays), an index.</summary>
    public static SchemaSnapshot V5 { get; } = new([
        new TableSnapshot("reporter",
            [Id(), new("first_name", "varchar(30)", false), new("email", "varchar(100)", false, defaultSql: "''"), new("last_name", "varchar(30)", true)],
            Key("reporter"),
            indexes: [new("reporter_email_uniq", ["email"], unique: true)]),
        new TableSnapshot("article",
            [Id(), new("headline", "varchar(200)", false), new("reporter_id", "integer", false),
             new("rating", "bigint", false, defaultSql: "5"), new("editor_id", "integer", true)],
            Key("article"),
            foreignKeys: [new("article_reporter_id_fkey", ["reporter_id"], "reporter", ["id"], OnDeleteRules.Cascade)],
            indexes: [new("article_reporter_id_idx", ["reporter_id"])],
            checkConstraints: [new("article_rating_check", "rating >= 0")]),
    ]);

    /// <summary>Renames (given as <see cref="V6Renames"/>): reporter becomes writer, first_name becomes given_name; names derived from them follow.</summary>
    public static SchemaSnapshot V6 { get; } = new([
        new TableSnapshot("writer",
            [Id(), new("given_name", "varchar(30)", false), new("email", "varchar(100)", false, defaultSql: "''"), new("last_name", "varchar(30)", true)],
            Key("writer"),
            indexes: [new("writer_email_uniq", ["email"], unique: true)]),
        new TableSnapshot("article",
            [Id(), new("headline", "varchar(200)", false), new("reporter_id", "integer", false),
             new("rating", "bigint", false, defaultSql: "5"), new("editor_id", "integer", true)],
            Key("article"),
            foreignKeys: [new("article_reporter_id_fkey", ["reporter_id"], "writer", ["id"], OnDeleteRules.Cascade)],
            indexes: [new("article_reporter_id_idx", ["reporter_id"])],
            checkConstraints: [new("article_rating_check", "rating >= 0")]),
    ]);

    public static SchemaRenames V6Renames => new SchemaRenames().RenameTable("reporter", "writer").RenameColumn("writer", "first_name", "given_name");

    /// <summary>A table dropped (with its foreign key) and one created without an identity key.</summary>
    public static SchemaSnapshot V7 { get; } = new([
        new TableSnapshot("writer",
            [Id(), new("given_name", "varchar(30)", false), new("email", "varchar(100)", false, defaultSql: "''"), new("last_name", "varchar(30)", true)],
            Key("writer"),
            indexes: [new("writer_email_uniq", ["email"], unique: true)]),
        new TableSnapshot("tag", [new("id", "integer", false), new("label", "text", false)], Key("tag")),
    ]);

    /// <summary>The key becomes an identity column.</summary>
    public static SchemaSnapshot V8 { get; } = new([
        V7.Tables.Single(t => t.Name == "writer"),
        new TableSnapshot("tag", [Id(), new("label", "text", false)], Key("tag")),
    ]);

    /// <summary>Every step: its name, the snapshots before and after, the renames it confirms.</summary>
    public static IReadOnlyList<(string Name, SchemaSnapshot From, SchemaSnapshot To, SchemaRenames Renames)> Steps { get; } =
    [
        ("20250101000001_Initial", SchemaSnapshot.Empty, V1, SchemaRenames.None),
        ("20250101000002_AddColumns", V1, V2, SchemaRenames.None),
        ("20250101000003_AlterColumns", V2, V3, SchemaRenames.None),
        ("20250101000004_Constraints", V3, V4, SchemaRenames.None),
        ("20250101000005_Drops", V4, V5, SchemaRenames.None),
        ("20250101000006_Renames", V5, V6, V6Renames),
        ("20250101000007_Tables", V6, V7, SchemaRenames.None),
        ("20250101000008_Identity", V7, V8, SchemaRenames.None),
    ];
}
