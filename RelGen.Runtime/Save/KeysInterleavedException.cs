namespace RelGen.Save;

/// <summary>
/// Thrown inside a bulk insert's COPY with database-assigned keys when another session drew from the identity sequence
/// during the COPY, so the keys cannot be proven: it rolls that COPY back, and the insert starts again with reserved keys.
/// Never leaves <see cref="BulkInserter"/>.
/// </summary>
internal sealed class KeysInterleavedException : Exception
{
    public KeysInterleavedException()
        : base("Another session drew from the identity sequence during the copy.")
    {
    }
}
