using System.Text.Json.Serialization;

namespace RelGen.Tests.Models.Reads;

/// <summary>The source-generated metadata of the JSON columns (no reflection-based serialisation).</summary>
[JsonSerializable(typeof(Spec))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class ReadsJson : JsonSerializerContext;
