namespace Sweep.SearchSpaces.TrialProtocol;

/// <summary>
/// One line of the trial protocol a trainer writes on stdout (README, "Trial protocol"). Torch-free and
/// Orleans-free, so the sweep engine and any external trainer tooling can share the types and the parser.
/// </summary>
public abstract record ProtocolRecord
{
    /// <summary>The <c>type</c> field: <c>progress</c> or <c>result</c>.</summary>
    public abstract string Type { get; }
}
