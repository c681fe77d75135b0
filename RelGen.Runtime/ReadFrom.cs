namespace RelGen;

/// <summary>
/// Which server a read goes to on a database with read replicas (Django's <c>db_for_read</c>). Writes, row locks and everything
/// inside a transaction always go to the primary, whatever this says.
/// </summary>
public enum ReadFrom
{
    /// <summary>The primary: every read sees every committed write. The default.</summary>
    Primary,

    /// <summary>
    /// A replica (a hot standby), which may lag behind the primary: reads there see the primary's state of a few milliseconds
    /// (or, under load, seconds) ago. After a write, the same async flow still reads its own write (<see cref="RelGen.ReadYourWrites"/>).
    /// </summary>
    Replica,
}
