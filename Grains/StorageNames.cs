namespace Sweep.Grains;

/// <summary>The grain storage provider every Sweep grain persists through (SQLite in the embedded default).</summary>
public static class StorageNames
{
    public const string Sweep = "sweep";
}
