namespace RelGen.Generator.Model;

/// <summary>A cross-model naming problem found from specs alone; its location is found later.</summary>
/// <param name="ModelMetadataName">The model declaring the relation (metadata name, for lookup).</param>
/// <param name="Property">The relation property the diagnostic sits on; empty for the model class itself.</param>
/// <param name="DescriptorId">RG0005, RG0006 or RG0024.</param>
/// <param name="Arguments">The message arguments.</param>
internal sealed record ClashSpec(string ModelMetadataName, string Property, string DescriptorId, EquatableArray<string> Arguments);
