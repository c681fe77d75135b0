namespace RelGen;

/// <summary>What happens to the objects pointing at a deleted object (Django's <c>on_delete</c>).</summary>
public enum OnDelete
{
    /// <summary>Delete them too.</summary>
    Cascade = 0,
    /// <summary>Refuse the delete with <see cref="ProtectedException"/>.</summary>
    Protect = 1,
    /// <summary>Refuse the delete with <see cref="RestrictedException"/>, unless they are deleted by a cascade of the same delete.</summary>
    Restrict = 2,
    /// <summary>Set their key to NULL (the relation must be nullable).</summary>
    SetNull = 3,
    /// <summary>Set their key to its <c>[DefaultValue]</c>.</summary>
    SetDefault = 4,
    /// <summary>Do nothing in RelGen; the database's constraint decides.</summary>
    DoNothing = 5,
}
