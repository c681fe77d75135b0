using System;

namespace RelGen.Schema.Json;

/// <summary>A snapshot's JSON is not valid JSON, or not a snapshot this version of RelGen can read; the message says where.</summary>
public sealed class SnapshotFormatException : Exception
{
    public SnapshotFormatException(string message) : base(message)
    {
    }
}
