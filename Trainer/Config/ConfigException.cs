using System.Collections.Immutable;

namespace Sweep.Trainer.Config;

/// <summary>A run config that could not be resolved, with every error found, in the order the sources were read.</summary>
public sealed class ConfigException : Exception
{
    public ConfigException(IEnumerable<ConfigError> errors)
        : this([.. errors])
    {
    }

    private ConfigException(ImmutableArray<ConfigError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        if (errors.IsEmpty) throw new ArgumentException("a ConfigException needs at least one error.", nameof(errors));
        Errors = errors;
    }

    public ImmutableArray<ConfigError> Errors { get; }

    public override string ToString() => Message;
}
