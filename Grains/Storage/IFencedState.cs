namespace Sweep.Grains.Storage;

/// <summary>A persisted state written under a <see cref="StateFence"/>: the storage refuses the write once the fence row moved.</summary>
public interface IFencedState
{
    /// <summary>The row that must still be at its etag; null: the write is not fenced.</summary>
    StateFence? Fence { get; }
}
