using System.Data.Common;

namespace RelGen.Query;

/// <summary>
/// Attaches one select-related object read from the current row to its owner, then lets the paths below it attach theirs
/// (<c>a.Reporter.Editor</c> finds the reporter read first). Typed end to end: the owner is a <typeparamref name="TOwner"/>.
/// </summary>
internal interface IRowAttacher<in TOwner> where TOwner : class
{
    void Attach(TOwner owner, DbDataReader reader);
}
