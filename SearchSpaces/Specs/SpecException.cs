using System.Collections.Immutable;

namespace Sweep.SearchSpaces.Specs;

/// <summary>A spec that could not be loaded, with every error found (not only the first), in file order.</summary>
public sealed class SpecException : Exception
{
    public SpecException(IEnumerable<SpecError> errors)
        : this([.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)])
    {
    }

    private SpecException(ImmutableArray<SpecError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        if (errors.IsEmpty) throw new ArgumentException("a SpecException needs at least one error.", nameof(errors));
        Errors = errors;
    }

    public ImmutableArray<SpecError> Errors { get; }

    public override string ToString() => Message;
}
