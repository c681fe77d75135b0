namespace RelGen.Tests.Generator;

/// <summary>A model with a property of every mapped type, plain and nullable.</summary>
internal static class MappedTypesModel
{
    public const string Source = """
        using System.ComponentModel.DataAnnotations;
        using RelGen;

        public enum Colour { Red, Green }
        public enum Size : byte { Small, Large }
        public enum Flags : long { None = 0, All = long.MaxValue }

        [Model]
        public partial class Sample
        {
            public int Id { get; set; }
            public bool Bool { get; set; }
            public short Short { get; set; }
            public int Int { get; set; }
            public long Long { get; set; }
            public float Float { get; set; }
            public double Double { get; set; }
            public decimal Decimal { get; set; }
            [MaxLength(10)] public string String { get; set; } = "";
            public DateOnly DateOnly { get; set; }
            public TimeOnly TimeOnly { get; set; }
            public DateTime DateTime { get; set; }
            public DateTimeOffset DateTimeOffset { get; set; }
            public Guid Guid { get; set; }
            public byte[] Bytes { get; set; } = [];
            public Colour Colour { get; set; }
            public Size Size { get; set; }
            public Flags Flags { get; set; }

            public bool? NullableBool { get; set; }
            public short? NullableShort { get; set; }
            public int? NullableInt { get; set; }
            public long? NullableLong { get; set; }
            public float? NullableFloat { get; set; }
            public double? NullableDouble { get; set; }
            public decimal? NullableDecimal { get; set; }
            public string? NullableString { get; set; }
            public DateOnly? NullableDateOnly { get; set; }
            public TimeOnly? NullableTimeOnly { get; set; }
            public DateTime? NullableDateTime { get; set; }
            public DateTimeOffset? NullableDateTimeOffset { get; set; }
            public Guid? NullableGuid { get; set; }
            public byte[]? NullableBytes { get; set; }
            public Colour? NullableColour { get; set; }
            public Size? NullableSize { get; set; }
            public Flags? NullableFlags { get; set; }
        }
        """;
}
