namespace RelGen.Query;

/// <summary>
/// What <c>Select(...)</c> accepts as a term, read back as a <typeparamref name="TValue"/>: a field (its property's type, so a
/// nullable column reads as <c>int?</c>), a related field, the model itself (<c>r =&gt; r</c>) or an aggregate. Implemented by
/// RelGen's own types only.
/// </summary>
public interface ISelectable<TValue>
{
    /// <summary>The term that writes this value into a select list and reads it back.</summary>
    internal SelectTerm<TValue> RelGenTerm { get; }
}
