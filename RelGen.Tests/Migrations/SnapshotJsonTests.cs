using RelGen.Schema.Json;
using RelGen.Schema.Snapshots;

namespace RelGen.Tests.Migrations;

/// <summary>The snapshot's JSON form: exact text, round trips, and errors that name the place.</summary>
public sealed class SnapshotJsonTests
{
    [Test]
    public void WritesTheDocumentedFormatDeterministically()
    {
        var snapshot = new SchemaSnapshot([
            new TableSnapshot("b_table", [new("id", "bigint", false, identity: true), new("note", "text", true, defaultSql: "'it''s \"x\"'")],
                new PrimaryKeySnapshot("b_table_pkey", ["id"]),
                checkConstraints: [new("b_note_check", "note <> ''")]),
            new TableSnapshot("a_table", [new("id", "uuid", false), new("b_id", "bigint", false)],
                new PrimaryKeySnapshot("a_table_pkey", ["id"]),
                foreignKeys: [new("a_b_fkey", ["b_id"], "b_table", ["id"], OnDeleteRules.SetNull)],
                indexes: [new("a_z_idx", ["b_id", "id"], unique: true), new("a_b_idx", ["b_id"])],
                uniqueConstraints: [new("a_id_key", ["id"])]),
        ]);

        Assert.That(SnapshotJson.Write(snapshot, indented: true), Is.EqualTo("""
            {
              "format": "relgen-schema",
              "version": 1,
              "tables": [
                {
                  "name": "a_table",
                  "columns": [
                    {
                      "name": "id",
                      "type": "uuid",
                      "nullable": false
                    },
                    {
                      "name": "b_id",
                      "type": "bigint",
                      "nullable": false
                    }
                  ],
                  "primaryKey": {
                    "name": "a_table_pkey",
                    "columns": ["id"]
                  },
                  "foreignKeys": [
                    {
                      "name": "a_b_fkey",
                      "columns": ["b_id"],
                      "referencedTable": "b_table",
                      "referencedColumns": ["id"],
                      "onDelete": "SET NULL"
                    }
                  ],
                  "indexes": [
                    {
                      "name": "a_b_idx",
                      "columns": ["b_id"]
                    },
                    {
                      "name": "a_z_idx",
                      "columns": ["b_id", "id"],
                      "unique": true
                    }
                  ],
                  "uniqueConstraints": [
                    {
                      "name": "a_id_key",
                      "columns": ["id"]
                    }
                  ]
                },
                {
                  "name": "b_table",
                  "columns": [
                    {
                      "name": "id",
                      "type": "bigint",
                      "nullable": false,
                      "identity": true
                    },
                    {
                      "name": "note",
                      "type": "text",
                      "nullable": true,
                      "default": "'it''s \"x\"'"
                    }
                  ],
                  "primaryKey": {
                    "name": "b_table_pkey",
                    "columns": ["id"]
                  },
                  "checkConstraints": [
                    {
                      "name": "b_note_check",
                      "sql": "note <> ''"
                    }
                  ]
                }
              ]
            }

            """.Replace("\r\n", "\n")));
        Assert.That(SnapshotJson.Write(snapshot, indented: false), Does.StartWith("""{"format":"relgen-schema","version":1,"tables":[{"name":"a_table","columns":[{"name":"id","type":"uuid","nullable":false},"""));
    }

    [Test]
    public void EverySnapshotRoundTripsInBothForms([Range(0, 7)] int step)
    {
        var snapshot = NewsroomSnapshots.Steps[step].To;
        foreach (var indented in new[] { true, false })
        {
            var json = SnapshotJson.Write(snapshot, indented);
            Assert.That(SnapshotJson.Write(SnapshotJson.Read(json), indented), Is.EqualTo(json));
        }
    }

    [Test]
    public void StringsWithEscapesRoundTrip()
    {
        const string awkward = "tab\there \"quoted\" back\\slash\nnew line \u0001 é ☃";
        var snapshot = new SchemaSnapshot([new TableSnapshot("t", [new("c", "text", true, defaultSql: awkward)])]);
        var json = SnapshotJson.Write(snapshot, indented: false);

        Assert.That(json, Does.Contain("\\t").And.Contain("\\\"quoted\\\"").And.Contain("\\\\").And.Contain("\\n").And.Contain("\\u0001"));
        Assert.That(SnapshotJson.Read(json).Tables[0].Columns[0].DefaultSql, Is.EqualTo(awkward));
    }

    [Test]
    public void ReadsJsonWrittenByOthers()
    {
        var snapshot = SnapshotJson.Read("""
             { "tables" : [ { "columns":[{"type":"text","nullable":true,"name":"a\u00e9"}], "name":"t" } ] ,
               "version":1.0, "format":"relgen-schema" }
            """);
        Assert.That(snapshot.Tables.Single().Columns.Single().Name, Is.EqualTo("aé"));
    }

    [TestCase("""{"format":"relgen-schema","version":2,"tables":[]}""", "$.version: this snapshot has format version 2, written by a newer RelGen")]
    [TestCase("""{"format":"other","version":1,"tables":[]}""", "$.format: expected \"relgen-schema\"")]
    [TestCase("""{"format":"relgen-schema","version":1,"tables":[{"name":"t","columns":[{"name":"c","nullable":true}]}]}""", "$.tables[0].columns[0]: the property 'type' is missing.")]
    [TestCase("""{"format":"relgen-schema","version":1,"tables":[{"name":"t","columns":[{"name":"c","type":"text","nullable":"yes"}]}]}""", "$.tables[0].columns[0].nullable: expected true or false.")]
    [TestCase("""{"format":"relgen-schema","version":1,"tables":[{"name":"t","colums":[]}]}""", "$.tables[0]: unknown property 'colums'")]
    [TestCase("""{"format":"relgen-schema","version":1,"tables":[{"name":"t","columns":[],"foreignKeys":[{"name":"f","columns":["a"],"referencedTable":"u","referencedColumns":["id"],"onDelete":"EXPLODE"}]}]}""", "$.tables[0].foreignKeys[0]: 'EXPLODE' is not an ON DELETE rule")]
    [TestCase("""{"format":"relgen-schema","version":1,"tables":[{"name":"t","columns":[]},{"name":"t","columns":[]}]}""", "$: Table 't' appears twice")]
    [TestCase("{\"format\":\"relgen-schema\",\n\"version\":1,\n\"tables\":[}", "JSON syntax error at line 3, column 11")]
    [TestCase("""{"format":"relgen-schema","version":1,"tables":[]} extra""", "unexpected text after the JSON value")]
    [TestCase("""{"format":"relgen-schema","format":"relgen-schema"}""", "property 'format' appears twice")]
    public void RefusesWhatItCannotReadNamingWhere(string json, string message)
    {
        var error = Assert.Throws<SnapshotFormatException>(() => SnapshotJson.Read(json))!;
        Assert.That(error.Message, Does.Contain(message));
    }
}
